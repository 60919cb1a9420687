/**
 * The emulator's disk price table (InquiryPriceCreateDisks, InquiryPriceResizeDisk). ZEC does not
 * publish one; these are plausible pay-as-you-go prices in USD per GiB per hour, with a
 * per-region factor, so answers are deterministic and differ sensibly by category, size and
 * region. The table is data: `--price-table FILE` merges a JSON file over it (src/price-table.ts).
 */

export interface PriceTable {
  /** USD per GiB per hour, by disk category. */
  perGiBHour: Record<string, number>
  /** Multiplier by region id; regions not listed use 1. */
  regionFactor: Record<string, number>
  /** Percent of the list price actually charged (100 = no discount, 80 = 20 % off). */
  discount: number
}

export const DEFAULT_PRICE_TABLE: PriceTable = {
  perGiBHour: { 'Standard NVMe SSD': 0.00014, 'Basic NVMe SSD': 0.00007 },
  regionFactor: { 'asia-east-1': 1.2, 'asia-southeast-1': 1.1, 'na-west-1': 1 },
  discount: 100
}

/** The PriceItem of a pay-as-you-go quote (zec-api.md §3.4): prepaid-only fields are null. */
export interface PriceItem {
  discount: number
  discountPrice: number | null
  originalPrice: number | null
  unitPrice: number
  discountUnitPrice: number
  chargeUnit: 'HOUR'
  stepPrices: never[]
  amountUnit: string
  excessUnitPrice: number | null
  excessDiscountUnitPrice: number | null
  excessAmountUnit: string | null
  category: 'STANDARD'
}

/** Rounded to 6 decimals, so answers print as prices and not as float noise. */
const money = (value: number) => Math.round(value * 1e6) / 1e6

/** A pay-as-you-go price item: `unitPrice` USD per hour for the amount, with the table's discount. */
function hourlyItem (table: PriceTable, unitPrice: number, amountUnit: string): PriceItem {
  return {
    discount: table.discount,
    discountPrice: null,
    originalPrice: null,
    unitPrice,
    discountUnitPrice: money(unitPrice * table.discount / 100),
    chargeUnit: 'HOUR',
    stepPrices: [],
    amountUnit,
    excessUnitPrice: null,
    excessDiscountUnitPrice: null,
    excessAmountUnit: null,
    category: 'STANDARD'
  }
}

/** The pay-as-you-go price of `count` instances of a type at `hourly` USD each, in a region. */
export function hourlyInstancePrice (table: PriceTable, hourly: number, regionId: string, count: number): PriceItem {
  return hourlyItem(table, money(hourly * (table.regionFactor[regionId] ?? 1) * count), 'instance')
}

export function hourlyDiskPrice (table: PriceTable, diskCategory: string, regionId: string, diskSize: number, diskAmount: number): PriceItem | null {
  const rate = table.perGiBHour[diskCategory]
  if (rate === undefined) return null
  return hourlyItem(table, money(rate * (table.regionFactor[regionId] ?? 1) * diskSize * diskAmount), 'GiB')
}

/** Performance of a disk of this category and size: IOPS and MB/s grow with size up to a cap. */
export interface DiskPerf { maxIops: number, maxBandwidth: number, iopsBurst: number, bandwidthBurst: number }

export function diskPerformance (diskCategory: string, diskSize: number): DiskPerf {
  const basic = diskCategory === 'Basic NVMe SSD'
  const maxIops = Math.min(basic ? 1000 + 20 * diskSize : 1800 + 50 * diskSize, basic ? 20_000 : 50_000)
  const maxBandwidth = Math.min(Math.floor((basic ? 80 : 120) + (basic ? 0.25 : 0.5) * diskSize), basic ? 250 : 350)
  return {
    maxIops,
    maxBandwidth,
    iopsBurst: basic ? maxIops : Math.max(maxIops, 50_000),
    bandwidthBurst: basic ? maxBandwidth : Math.max(maxBandwidth, 350)
  }
}
