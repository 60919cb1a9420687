/**
 * StartInstances (zec-instances.md: Terraform calls it in 2024-04-01): STOPPED instances go
 * BOOTING → RUNNING under `instance.boot`. One already RUNNING or BOOTING is left as it is and
 * counts as started (Terraform starts a running instance before it resets a password). All or
 * nothing, so `instanceIds` (the ones that failed to start) is empty on success.
 */
import { Type } from '@sinclair/typebox'
import { IdList } from '../../../schemas/common.js'
import { beginTransition } from '../../engine/transitions.js'
import { errors } from '../../errors.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'
import { loadInstances, requireStatus } from '../instance-checks.js'

export default defineAction({
  name: 'StartInstances',
  versions: BOTH_VERSIONS,
  input: Type.Object({ instanceIds: IdList(100) }),
  output: Type.Object({ instanceIds: Type.Array(Type.String()) }),
  handler (ctx, input) {
    const instances = loadInstances(ctx, input.instanceIds)
    for (const instance of instances) requireStatus(instance, ['STOPPED', 'RUNNING', 'BOOTING'], 'started', errors.instanceNotStopped)
    for (const instance of instances) if (instance.status === 'STOPPED') beginTransition(ctx, 'instance.boot', instance)
    return { instanceIds: [] }
  }
})
