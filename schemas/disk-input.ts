/** Request pieces shared by the disk write actions (zec-api.md §3.5): names, sizes, categories. */
import { Type } from '@sinclair/typebox'
import { Enum } from './common.js'
import { DISK_CATEGORIES } from './disk.js'
import { DISK_NAME_MAX, DISK_NAME_PATTERN, MAX_DISK_SIZE, MIN_DISK_SIZE } from '../src/domain/disks.js'

export const DiskName = Type.String({ minLength: 1, maxLength: DISK_NAME_MAX, pattern: DISK_NAME_PATTERN })
export const DiskSize = Type.Integer({ minimum: MIN_DISK_SIZE, maximum: MAX_DISK_SIZE })
export const DiskCategory = Enum(DISK_CATEGORIES)
