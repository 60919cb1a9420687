/** Images: the cloud's catalogue, shared by every account like zones, with DescribeImages' filters. */
import type { Db } from './db.js'
import { imageColumns, type ImageRecord } from './records.js'
import { createTable, inList, type Condition } from './table.js'

export interface ImageFilter {
  zoneId?: string
  imageIds?: string[]
  imageName?: string
  category?: string
  imageType?: string
  imageSource?: string
  osType?: string
  imageStatus?: string
}

function imageConditions (filter: ImageFilter): Condition[] {
  const conditions: Condition[] = []
  // An image with no zone list is sold in every zone.
  if (filter.zoneId !== undefined) conditions.push(['zone_ids IS NULL OR EXISTS (SELECT 1 FROM json_each(zone_ids) WHERE value = ?)', filter.zoneId])
  if (filter.imageIds !== undefined) conditions.push(inList('image_id', filter.imageIds))
  if (filter.imageName !== undefined) conditions.push(['image_name REGEXP ?', filter.imageName])
  if (filter.category !== undefined) conditions.push(['category = ?', filter.category])
  if (filter.imageType !== undefined) conditions.push(['image_type = ?', filter.imageType])
  if (filter.imageSource !== undefined) conditions.push(['image_source = ?', filter.imageSource])
  if (filter.osType !== undefined) conditions.push(['os_type = ?', filter.osType])
  if (filter.imageStatus !== undefined) conditions.push(['image_status = ?', filter.imageStatus])
  return conditions
}

export function createImages (db: Db) {
  const table = createTable<ImageRecord>(db, 'images', 'imageId', imageColumns)
  return {
    insert: table.insert,
    get: (imageId: string) => table.select([['image_id = ?', imageId]])[0],
    /** One page in catalogue order (by name), and the count of all matches. */
    list (filter: ImageFilter, pageNum: number, pageSize: number) {
      const conditions = imageConditions(filter)
      const total = table.count(conditions)
      return { total, items: table.select(conditions, 'ORDER BY image_name, image_id LIMIT ? OFFSET ?', [pageSize, (pageNum - 1) * pageSize]) }
    }
  }
}
export type Images = ReturnType<typeof createImages>
