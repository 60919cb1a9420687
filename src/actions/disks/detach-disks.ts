/**
 * DetachDisks (zec-api.md §3.5): up to 10 IN_USE portable data disks, all on one instance, go
 * DETACHING and then AVAILABLE under the `disk.detach` policy. With `instanceCheckFlag` true (the
 * default) the instance must be shut down; Terraform and CSI send false to detach online.
 * If any disk cannot be detached nothing is done, so 2025-09-01's `failedDiskIds` is empty on
 * success; 2024-04-01 answers with the request id only.
 */
import { Type } from '@sinclair/typebox'
import { IdList } from '../../../schemas/common.js'
import { ATTACHABLE_INSTANCE_STATUSES, OFFLINE_INSTANCE_STATUSES } from '../../domain/disks.js'
import { beginTransition } from '../../engine/transitions.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'
import { loadDisks, loadInstance, requireDiskStatus, requireInstanceStatus, requireOneInstance, requirePortable } from '../disk-checks.js'

export default defineAction({
  name: 'DetachDisks',
  versions: BOTH_VERSIONS,
  input: Type.Object({ diskIds: IdList(10), instanceCheckFlag: Type.Optional(Type.Boolean()) }),
  output: Type.Object({ failedDiskIds: Type.Array(Type.String()) }),
  outputByVersion: { '2024-04-01': Type.Object({}) },
  handler (ctx, input) {
    const disks = loadDisks(ctx, input.diskIds)
    requirePortable(disks)
    requireDiskStatus(disks, ['IN_USE'], 'detached')
    const instance = loadInstance(ctx, requireOneInstance(disks, 'detaches'))
    const offlineOnly = input.instanceCheckFlag ?? true
    requireInstanceStatus(instance, offlineOnly ? OFFLINE_INSTANCE_STATUSES : ATTACHABLE_INSTANCE_STATUSES, offlineOnly ? 'detached with instanceCheckFlag=true' : 'detached')
    for (const disk of disks) beginTransition(ctx, 'disk.detach', disk)
    return ctx.version === '2024-04-01' ? {} as { failedDiskIds: string[] } : { failedDiskIds: [] }
  }
})
