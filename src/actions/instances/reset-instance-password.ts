/** ResetInstancePassword (zec-instances.md: Terraform starts the instance first): a new password for a RUNNING instance. */
import { Type } from '@sinclair/typebox'
import { Id } from '../../../schemas/common.js'
import { Password } from '../../../schemas/instance-input.js'
import { errors } from '../../errors.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'
import { loadInstances, requirePassword, requireStatus } from '../instance-checks.js'

export default defineAction({
  name: 'ResetInstancePassword',
  versions: BOTH_VERSIONS,
  input: Type.Object({ instanceId: Id, password: Password }),
  output: Type.Object({}),
  handler (ctx, input) {
    const [instance] = loadInstances(ctx, [input.instanceId])
    requireStatus(instance, ['RUNNING'], 'given a new password', errors.instanceNotRunning)
    requirePassword(input.password)
    // A password login replaces a key pair; the password itself is never shown again.
    ctx.store.instances.update(instance.instanceId, { keyId: null })
    return {}
  }
})
