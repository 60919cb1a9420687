/**
 * StartIpForward and StopIpForward (zec-instances.md: Terraform's `enable_ip_forwarding`,
 * 2024-04-01) differ only in the flag they set: IP forwarding on or off on a RUNNING or STOPPED
 * instance.
 */
import { Type } from '@sinclair/typebox'
import { Id } from '../../schemas/common.js'
import { MODIFIABLE_STATUSES } from '../domain/instances.js'
import { BOTH_VERSIONS, defineAction } from './define-action.js'
import { loadInstances, requireStatus } from './instance-checks.js'

export const ipForwardAction = (name: 'StartIpForward' | 'StopIpForward', enableIpForward: boolean) => defineAction({
  name,
  versions: BOTH_VERSIONS,
  input: Type.Object({ instanceId: Id }),
  output: Type.Object({}),
  handler (ctx, input) {
    const [instance] = loadInstances(ctx, [input.instanceId])
    requireStatus(instance, MODIFIABLE_STATUSES, 'changed')
    ctx.store.instances.update(instance.instanceId, { enableIpForward })
    return {}
  }
})
