/**
 * DescribeDiskMonitorData's synthetic series. No real disk does I/O here, so the emulator makes
 * up a plausible, deterministic one: the same disk, metric and minute always give the same value
 * (a daily wave plus hashed jitter), so tests and dashboards are repeatable. Points after `now`
 * or before the disk existed have no data (`value: null`), as a real monitoring system shows.
 */
import { createHash } from 'node:crypto'

export const METRIC_TYPES = ['DISK_WRITE_BYTES', 'DISK_READ_BYTES', 'DISK_READ_OPS', 'DISK_WRITE_OPS', 'DISK_UTIL'] as const
export type MetricType = typeof METRIC_TYPES[number]
export const STEPS_MINUTES = [1, 5] as const
export const DEFAULT_STEP_MINUTES = 5
/** The widest window one call may ask for; it bounds the answer at 43 200 points. */
export const MAX_WINDOW_MS = 30 * 86_400_000

const MINUTE = 60_000
const DAY = 86_400_000

/** Typical level and amplitude of each metric (KiB/s, IOPS, %). */
const SHAPE: Record<MetricType, { base: number, swing: number, max?: number }> = {
  DISK_READ_BYTES: { base: 2048, swing: 1536 },
  DISK_WRITE_BYTES: { base: 1024, swing: 896 },
  DISK_READ_OPS: { base: 120, swing: 90 },
  DISK_WRITE_OPS: { base: 60, swing: 45 },
  DISK_UTIL: { base: 12, swing: 9, max: 100 }
}

/** A stable number in [0, 1) for this disk, metric and instant. */
function jitter (diskId: string, metric: MetricType, at: number): number {
  return createHash('sha256').update(`${diskId}|${metric}|${at}`).digest().readUInt32BE(0) / 2 ** 32
}

export function valueAt (diskId: string, metric: MetricType, at: number): number {
  const { base, swing, max } = SHAPE[metric]
  const wave = Math.sin(2 * Math.PI * (at % DAY) / DAY)
  const raw = base + swing * 0.6 * wave + swing * 0.4 * (jitter(diskId, metric, at) * 2 - 1)
  const value = Math.round(Math.max(0, raw) * 100) / 100
  return max === undefined ? value : Math.min(max, value)
}

export interface MonitorSeries {
  maxValue: number | null
  minValue: number | null
  avgValue: number | null
  metrics: { time: number, value: number | null }[]
}

/**
 * The series over [start, end] at `stepMinutes`, points aligned to whole steps of UTC time.
 * `existsFrom` is the disk's creation time; `now` the virtual clock.
 */
export function monitorSeries (diskId: string, metric: MetricType, start: number, end: number, stepMinutes: number, existsFrom: number, now: number): MonitorSeries {
  const step = stepMinutes * MINUTE
  const metrics: MonitorSeries['metrics'] = []
  for (let at = Math.ceil(start / step) * step; at <= end; at += step) {
    metrics.push({ time: at, value: at > now || at < existsFrom ? null : valueAt(diskId, metric, at) })
  }
  const values = metrics.map(m => m.value).filter((v): v is number => v !== null)
  if (values.length === 0) return { maxValue: null, minValue: null, avgValue: null, metrics }
  return {
    maxValue: Math.max(...values),
    minValue: Math.min(...values),
    avgValue: Math.round(values.reduce((a, b) => a + b, 0) / values.length * 100) / 100,
    metrics
  }
}
