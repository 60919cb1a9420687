/** Request pieces shared by the instance write actions (Go SDK zec20250901 models). */
import { Type } from '@sinclair/typebox'
import { DiskCategory } from './disk-input.js'
import { MAX_SYSTEM_DISK_SIZE, MIN_SYSTEM_DISK_SIZE } from '../src/domain/instances.js'
import { MAX_DISK_SIZE, MIN_DISK_SIZE } from '../src/domain/disks.js'

/** 2–63 characters, letters, digits, `-`, `_`, `.`, first and last a letter or digit. */
export const InstanceName = Type.String({ minLength: 2, maxLength: 63, pattern: '^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$' })
export const Password = Type.String({ minLength: 1, maxLength: 64 })

export const SystemDiskInput = Type.Object({
  diskSize: Type.Optional(Type.Integer({ minimum: MIN_SYSTEM_DISK_SIZE, maximum: MAX_SYSTEM_DISK_SIZE })),
  diskCategory: Type.Optional(DiskCategory),
  burstingEnabled: Type.Optional(Type.Boolean())
})

export const DataDiskInput = Type.Object({
  diskSize: Type.Integer({ minimum: MIN_DISK_SIZE, maximum: MAX_DISK_SIZE }),
  diskAmount: Type.Optional(Type.Integer({ minimum: 1, maximum: 15 })),
  diskCategory: Type.Optional(DiskCategory),
  burstingEnabled: Type.Optional(Type.Boolean())
})
