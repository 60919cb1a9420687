/**
 * DescribeDiskMonitorData (2025-09-01 only, zec-api.md §3.5): one metric of one disk over
 * [startTime, endTime] every `step` minutes (1 or 5, default 5), from the deterministic
 * synthetic series of domain/monitor.ts.
 */
import { Type } from '@sinclair/typebox'
import { Enum, Id, Nullable, ZecTime } from '../../../schemas/common.js'
import { DEFAULT_STEP_MINUTES, MAX_WINDOW_MS, METRIC_TYPES, monitorSeries } from '../../domain/monitor.js'
import { formatZecTime, parseZecTime } from '../../domain/time.js'
import { errors } from '../../errors.js'
import { defineAction } from '../define-action.js'
import { loadDisk } from '../disk-checks.js'

function parseTime (field: string, text: string): number {
  const at = parseZecTime(text)
  if (at === null) throw errors.dateFormatError(`The parameter \`${field}\` \`${text}\` is not a valid time; use yyyy-MM-ddTHH:mm:ssZ (UTC).`)
  return at
}

export default defineAction({
  name: 'DescribeDiskMonitorData',
  versions: ['2025-09-01'],
  input: Type.Object({
    diskId: Id,
    metricType: Enum(METRIC_TYPES),
    startTime: ZecTime,
    endTime: ZecTime,
    step: Type.Optional(Type.Union([Type.Literal(1), Type.Literal(5)]))
  }),
  output: Type.Object({
    maxValue: Nullable(Type.Number()),
    minValue: Nullable(Type.Number()),
    avgValue: Nullable(Type.Number()),
    metrics: Type.Array(Type.Object({ time: Type.String(), value: Nullable(Type.Number()) }))
  }),
  handler (ctx, input) {
    const start = parseTime('startTime', input.startTime)
    const end = parseTime('endTime', input.endTime)
    if (end <= start) throw errors.invalidParameterValue(`The parameter \`endTime\` (${input.endTime}) must be after \`startTime\` (${input.startTime}).`)
    if (end - start > MAX_WINDOW_MS) throw errors.invalidParameterValue(`The window from \`startTime\` to \`endTime\` must be at most ${MAX_WINDOW_MS / 86_400_000} days.`)
    const disk = loadDisk(ctx, input.diskId)
    const series = monitorSeries(disk.diskId, input.metricType, start, end, input.step ?? DEFAULT_STEP_MINUTES, disk.createTime, ctx.now)
    return { ...series, metrics: series.metrics.map(m => ({ time: formatZecTime(m.time), value: m.value })) }
  }
})
