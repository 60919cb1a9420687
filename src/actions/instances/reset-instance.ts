/**
 * ResetInstance (zec-instances.md): reinstalls a STOPPED instance (Terraform stops it first),
 * optionally with another image, login, time zone or agent setting; it goes REBUILDING → RUNNING
 * under `instance.reset`, REINSTALL_FAILED on a failure injection. Its system disk keeps its id
 * and size. As at creation, exactly one of `password` and `keyId` is needed.
 */
import { Type } from '@sinclair/typebox'
import { Id } from '../../../schemas/common.js'
import { InstanceName, Password } from '../../../schemas/instance-input.js'
import { beginTransition } from '../../engine/transitions.js'
import { errors } from '../../errors.js'
import { BOTH_VERSIONS, defineAction } from '../define-action.js'
import { loadInstances, requirePassword, requireStatus } from '../instance-checks.js'

export default defineAction({
  name: 'ResetInstance',
  versions: BOTH_VERSIONS,
  input: Type.Object({
    instanceId: Id,
    imageId: Type.Optional(Id),
    password: Type.Optional(Password),
    keyId: Type.Optional(Id),
    timezone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    enableAgent: Type.Optional(Type.Boolean()),
    instanceName: Type.Optional(InstanceName),
    userData: Type.Optional(Type.String({ maxLength: 65536 }))
  }),
  output: Type.Object({}),
  handler (ctx, input) {
    const [instance] = loadInstances(ctx, [input.instanceId])
    requireStatus(instance, ['STOPPED', 'REINSTALL_FAILED'], 'reinstalled', errors.instanceNotStopped)
    const image = ctx.store.images.get(input.imageId ?? instance.imageId)
    if (image === undefined || (image.zoneIds !== null && !image.zoneIds.includes(instance.zoneId))) {
      throw errors.imageNotFound(`The image \`${input.imageId ?? instance.imageId}\` is not sold in zone \`${instance.zoneId}\`.`)
    }
    if (input.password !== undefined && input.keyId !== undefined) throw errors.loginConflict('The parameters `password` and `keyId` cannot be used together: pick one way to log in.')
    if (input.password === undefined && input.keyId === undefined) throw errors.missingParameter('One of the parameters `password` and `keyId` is required.')
    if (input.password !== undefined) requirePassword(input.password)
    beginTransition(ctx, 'instance.reset', instance, {
      imageId: image.imageId,
      imageName: image.imageName,
      keyId: input.keyId ?? null,
      ...(input.timezone === undefined ? {} : { timeZone: input.timezone }),
      ...(input.enableAgent === undefined ? {} : { enableAgent: input.enableAgent }),
      ...(input.instanceName === undefined ? {} : { instanceName: input.instanceName })
    })
    return {}
  }
})
