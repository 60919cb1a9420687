/**
 * ModifyResourceTags (service zrm, 2025-10-14, POST /api/v2/zrm; zec-instances.md): sets the
 * `replaceTags` (new keys added, existing keys' values replaced) and removes `deleteTagKeys` on
 * one resource; its own Describe shows the result. Terraform sends every tag of the new map in
 * `replaceTags` and the dropped keys in `deleteTagKeys`.
 */
import { Type } from '@sinclair/typebox'
import { Id, Tag } from '../../../schemas/common.js'
import { duplicateTagKey } from '../../domain/disks.js'
import { errors } from '../../errors.js'
import { defineAction } from '../define-action.js'
import { findTagged } from '../resources.js'

const MAX_TAGS = 20

export default defineAction({
  name: 'ModifyResourceTags',
  service: 'zrm',
  versions: ['2025-10-14'],
  input: Type.Object({
    resourceUuid: Id,
    replaceTags: Type.Optional(Type.Array(Tag, { maxItems: MAX_TAGS })),
    deleteTagKeys: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: MAX_TAGS }))
  }),
  output: Type.Object({}),
  handler (ctx, input) {
    const replace = input.replaceTags ?? []
    const remove = new Set(input.deleteTagKeys ?? [])
    const duplicate = duplicateTagKey(replace)
    if (duplicate !== null) throw errors.invalidParameterValue(`The parameter \`replaceTags\` has the key \`${duplicate}\` more than once; tag keys must be unique.`)
    const both = replace.find(t => remove.has(t.key))
    if (both !== undefined) throw errors.invalidParameterValue(`The key \`${both.key}\` is in both \`replaceTags\` and \`deleteTagKeys\`.`)
    const resource = findTagged(ctx, input.resourceUuid)
    const byKey = new Map(resource.tags.filter(t => !remove.has(t.key)).map(t => [t.key, t.value]))
    for (const tag of replace) byKey.set(tag.key, tag.value)
    if (byKey.size > MAX_TAGS) throw errors.exceedLength(`The ${resource.kind} \`${input.resourceUuid}\` would have ${byKey.size} tags; a resource has at most ${MAX_TAGS}.`)
    resource.setTags([...byKey].map(([key, value]) => ({ key, value })))
    return {}
  }
})
