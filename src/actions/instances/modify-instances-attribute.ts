/** ModifyInstancesAttribute (zec-instances.md): renames up to 100 instances; any status but the recycle bin. All or nothing. */
import { Type } from '@sinclair/typebox'
import { IdList } from '../../../schemas/common.js'
import { InstanceName } from '../../../schemas/instance-input.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'
import { loadInstances, requireNotRecycled } from '../instance-checks.js'

export default defineAction({
  name: 'ModifyInstancesAttribute',
  versions: BOTH_VERSIONS,
  input: Type.Object({ instanceIds: IdList(100), instanceName: InstanceName }),
  output: Type.Object({}),
  handler (ctx, input) {
    const instances = loadInstances(ctx, input.instanceIds)
    for (const instance of instances) requireNotRecycled(instance)
    for (const instance of instances) ctx.store.instances.update(instance.instanceId, { instanceName: input.instanceName })
    return {}
  }
})
