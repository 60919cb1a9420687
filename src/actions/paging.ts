/** Paging as every ZEC list call does it: `pageNum` from 1, `pageSize` default 20, max 1000. */
import { DEFAULT_PAGE_SIZE, PageNum, PageSize } from '../../schemas/common.js'
import { Type } from '@sinclair/typebox'

export const PagingInput = {
  pageNum: Type.Optional(PageNum),
  pageSize: Type.Optional(PageSize)
}

export const pageOf = (input: { pageNum?: number, pageSize?: number }) =>
  ({ pageNum: input.pageNum ?? 1, pageSize: input.pageSize ?? DEFAULT_PAGE_SIZE })
