/**
 * StopInstances (zec-instances.md: Terraform calls it in 2024-04-01): RUNNING instances go
 * STOPPING → STOPPED under `instance.stop` (`forceShutdown` makes no difference here). One already
 * STOPPED or STOPPING is left as it is. All or nothing; `instanceIds` (failed) is empty on success.
 */
import { Type } from '@sinclair/typebox'
import { IdList } from '../../../schemas/common.js'
import { beginTransition } from '../../engine/transitions.js'
import { errors } from '../../errors.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'
import { loadInstances, requireStatus } from '../instance-checks.js'

export default defineAction({
  name: 'StopInstances',
  versions: BOTH_VERSIONS,
  input: Type.Object({ instanceIds: IdList(100), forceShutdown: Type.Optional(Type.Boolean()) }),
  output: Type.Object({ instanceIds: Type.Array(Type.String()) }),
  handler (ctx, input) {
    const instances = loadInstances(ctx, input.instanceIds)
    for (const instance of instances) requireStatus(instance, ['RUNNING', 'STOPPED', 'STOPPING'], 'stopped', errors.instanceNotRunning)
    for (const instance of instances) if (instance.status === 'RUNNING') beginTransition(ctx, 'instance.stop', instance)
    return { instanceIds: [] }
  }
})
