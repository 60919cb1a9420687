/**
 * Shared pieces of ZEC's request and response shapes (zec-api.md §2–3). Input schemas carry the
 * bounds that the validation layer turns into ZEC's INVALID_PARAMETER_* codes.
 */
import { Type, type TSchema } from '@sinclair/typebox'

export const API_VERSIONS = ['2025-09-01', '2024-04-01'] as const
export type ApiVersion = typeof API_VERSIONS[number]
export const NEWEST_VERSION: ApiVersion = '2025-09-01'

/** A resource id as sent by a client: never empty, never huge. */
export const Id = Type.String({ minLength: 1, maxLength: 64 })
export const IdList = (maxItems: number) => Type.Array(Id, { minItems: 1, maxItems })
export const OptionalIdList = (maxItems: number) => Type.Array(Id, { maxItems })

/** `yyyy-MM-ddTHH:mm:ssZ`; the calendar check happens in the domain (time.ts). */
export const ZecTime = Type.String({ maxLength: 32 })

export const PageNum = Type.Integer({ minimum: 1, maximum: 100_000_000 })
export const PageSize = Type.Integer({ minimum: 1, maximum: 1000 })
export const DEFAULT_PAGE_SIZE = 20

/** A name filter: ZEC documents it as fuzzy search; we treat it as a regular expression (§3.2). */
export const NameFilter = Type.String({ maxLength: 256 })

export const Enum = <T extends string>(values: readonly T[]) => Type.Union(values.map(v => Type.Literal(v)))

export const ResourceGroupInfo = Type.Object({
  resourceGroupId: Type.String(),
  resourceGroupName: Type.String()
})

export const Tag = Type.Object({ key: Type.String({ minLength: 1, maxLength: 64 }), value: Type.String({ maxLength: 64 }) })
export const Tags = Type.Object({ tags: Type.Array(Tag, { maxItems: 20 }) })

/** The tag filters of list calls (2025-09-01): flat `tags` and `tagKeys`, at most 20 each. */
export const TagFilterInput = {
  tagKeys: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 20 })),
  tags: Type.Optional(Type.Array(Tag, { maxItems: 20 }))
}

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])

/** Every list answer: the page and the count of all matches, never omitted. */
export const Page = <T extends TSchema>(item: T) => Type.Object({
  totalCount: Type.Integer({ minimum: 0 }),
  dataSet: Type.Array(item)
})

/** The success envelope's inner `response`: always carries the request id. */
export const WithRequestId = Type.Object({ requestId: Type.String() })

export const ErrorEnvelope = Type.Object({
  requestId: Type.String(),
  code: Type.String(),
  message: Type.String()
})
