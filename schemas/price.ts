/** PriceItem and DiskPerfItem as the InquiryPrice* actions return them (zec-api.md §3.4). */
import { Type } from '@sinclair/typebox'
import { Nullable } from './common.js'

export const StepPrice = Type.Object({
  stepStart: Type.Number(),
  stepEnd: Nullable(Type.Number()),
  unitPrice: Type.Number(),
  discountUnitPrice: Type.Number()
})

export const PriceItem = Type.Object({
  discount: Type.Number(),
  discountPrice: Nullable(Type.Number()),
  originalPrice: Nullable(Type.Number()),
  unitPrice: Nullable(Type.Number()),
  discountUnitPrice: Nullable(Type.Number()),
  chargeUnit: Type.String(),
  stepPrices: Type.Array(StepPrice),
  amountUnit: Nullable(Type.String()),
  excessUnitPrice: Nullable(Type.Number()),
  excessDiscountUnitPrice: Nullable(Type.Number()),
  excessAmountUnit: Nullable(Type.String()),
  category: Type.String()
})

export const DiskPerfItem = Type.Object({
  maxIops: Type.Integer(),
  maxBandwidth: Type.Integer(),
  iopsBurst: Type.Integer(),
  bandwidthBurst: Type.Integer()
})

/**
 * InquiryPriceResizeDisk's `previousPrices` (Python SDK 2.0.77 `ResizeDiskPreviousPrices`): the
 * same prices for the disk as it is now, before the resize.
 */
export const ResizeDiskPreviousPrices = Type.Object({
  diskPrice: PriceItem,
  specPrice: Nullable(PriceItem),
  gpuPrice: Nullable(PriceItem),
  acceleratorPrice: Nullable(PriceItem)
})
