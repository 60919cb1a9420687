/**
 * DescribeImages (zec-instances.md: the images data source sends zoneId, imageIds, imageType,
 * category, osType and pages of 100): the image catalogue of the fixtures, filtered per zone.
 * An unknown zone simply sells no image.
 */
import { Type } from '@sinclair/typebox'
import { Id, NameFilter, OptionalIdList, Page, TagFilterInput } from '../../../schemas/common.js'
import { ImageInfo } from '../../../schemas/network.js'
import { toImageInfo } from '../../network-views.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'
import { pageOf, PagingInput } from '../paging.js'

const Filter = Type.String({ maxLength: 64 })

export default defineAction({
  name: 'DescribeImages',
  versions: BOTH_VERSIONS,
  input: Type.Object({
    zoneId: Type.Optional(Id),
    imageIds: Type.Optional(OptionalIdList(100)),
    imageName: Type.Optional(NameFilter),
    category: Type.Optional(Filter),
    imageType: Type.Optional(Filter),
    imageSource: Type.Optional(Filter),
    osType: Type.Optional(Filter),
    imageStatus: Type.Optional(Filter),
    ...TagFilterInput,
    ...PagingInput
  }),
  output: Page(ImageInfo),
  handler (ctx, input) {
    const { pageNum, pageSize } = pageOf(input)
    // Catalogue images carry no tags, so a tag filter matches none.
    const unknownZone = input.zoneId !== undefined && ctx.store.zones.get(input.zoneId) === undefined
    if (unknownZone || (input.tagKeys?.length ?? 0) > 0 || (input.tags?.length ?? 0) > 0) return { totalCount: 0, dataSet: [] }
    const { total, items } = ctx.store.images.list(input, pageNum, pageSize)
    return { totalCount: total, dataSet: items.map(toImageInfo) }
  }
})
