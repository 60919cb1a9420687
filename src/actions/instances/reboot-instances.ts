/** RebootInstances (Go SDK RebootInstancesRequest): RUNNING instances go REBOOT → RUNNING under `instance.reboot`. All or nothing. */
import { Type } from '@sinclair/typebox'
import { IdList } from '../../../schemas/common.js'
import { beginTransition } from '../../engine/transitions.js'
import { errors } from '../../errors.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'
import { loadInstances, requireStatus } from '../instance-checks.js'

export default defineAction({
  name: 'RebootInstances',
  versions: BOTH_VERSIONS,
  input: Type.Object({ instanceIds: IdList(100) }),
  output: Type.Object({ instanceIds: Type.Array(Type.String()) }),
  handler (ctx, input) {
    const instances = loadInstances(ctx, input.instanceIds)
    for (const instance of instances) requireStatus(instance, ['RUNNING'], 'rebooted', errors.instanceNotRunning)
    for (const instance of instances) beginTransition(ctx, 'instance.reboot', instance)
    return { instanceIds: [] }
  }
})
