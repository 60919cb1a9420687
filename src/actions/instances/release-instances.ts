/**
 * ReleaseInstances (zec-instances.md: Terraform calls it twice with force_delete): the first call
 * moves RUNNING or STOPPED instances to the recycle bin (RECYCLING → RECYCLE, policy
 * `instance.recycle`; after a day there they are gone, `instance.expire`); a second call on a
 * RECYCLE instance destroys it (RELEASING → gone, `instance.release`). Its portable data disks
 * are detached by the first call; its system disk and the data disks created with it go to the
 * recycle bin and are destroyed with it. All or nothing.
 */
import { Type } from '@sinclair/typebox'
import { IdList } from '../../../schemas/common.js'
import { instanceReleaseStep } from '../../domain/instances.js'
import { beginTransition } from '../../engine/transitions.js'
import { errors } from '../../errors.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'
import { loadInstances } from '../instance-checks.js'

export default defineAction({
  name: 'ReleaseInstances',
  versions: BOTH_VERSIONS,
  input: Type.Object({ instanceIds: IdList(100), dependResource: Type.Optional(Type.Boolean()) }),
  output: Type.Object({ instanceIds: Type.Array(Type.String()) }),
  handler (ctx, input) {
    const instances = loadInstances(ctx, input.instanceIds)
    const steps = instances.map(instance => {
      const step = instanceReleaseStep(instance.status)
      if (step === 'being-recycled') throw errors.instanceRecycled(`The instance \`${instance.instanceId}\` is already ${instance.status}; release it again once it is RECYCLE to destroy it.`)
      if (step === null) throw errors.instanceStatusDenied(`The instance \`${instance.instanceId}\` is ${instance.status}; only a RUNNING or STOPPED instance can be released, and only a RECYCLE one destroyed.`)
      return step
    })
    instances.forEach((instance, i) => {
      if (steps[i] === 'recycle') {
        for (const disk of ctx.store.disks.attachedTo(ctx.accountId, instance.instanceId)) {
          if (disk.portable) beginTransition(ctx, 'disk.detach', disk)
        }
        beginTransition(ctx, 'instance.recycle', instance)
      } else {
        beginTransition(ctx, 'instance.release', instance)
      }
    })
    return { instanceIds: [] }
  }
})
