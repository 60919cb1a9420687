/**
 * Instance rules (zec-instances.md, docs/behaviour-instances.md): which statuses allow which
 * operation, the instance types each zone sells, and what the release steps do.
 */

/** Statuses in which an instance is on its way somewhere; Terraform keeps polling through them. */
export const OPERATING_STATUSES: readonly string[] = ['PENDING', 'DEPLOYING', 'REBUILDING', 'BOOTING', 'STOPPING', 'RELEASING', 'RECYCLING', 'RESIZING', 'REBOOT']

export const RECYCLED_STATUSES: readonly string[] = ['RECYCLE', 'RECYCLING', 'RELEASING']

/** Statuses in which the instance's attributes (name, password, NIC, forwarding) can change. */
export const MODIFIABLE_STATUSES: readonly string[] = ['RUNNING', 'STOPPED']

export interface InstanceType {
  instanceType: string
  instanceTypeName: string
  cpuCount: number
  memory: number
  /** USD per hour before the region factor. */
  hourly: number
}

/** The instance types every zone of the catalogue sells (z2a: the general-purpose family). */
export const INSTANCE_TYPES: readonly InstanceType[] = [
  { instanceType: 'z2a.cpu.1', instanceTypeName: 'General 1 vCPU 2 GiB', cpuCount: 1, memory: 2, hourly: 0.012 },
  { instanceType: 'z2a.cpu.2', instanceTypeName: 'General 2 vCPU 4 GiB', cpuCount: 2, memory: 4, hourly: 0.024 },
  { instanceType: 'z2a.cpu.4', instanceTypeName: 'General 4 vCPU 16 GiB', cpuCount: 4, memory: 16, hourly: 0.072 },
  { instanceType: 'z2a.cpu.8', instanceTypeName: 'General 8 vCPU 32 GiB', cpuCount: 8, memory: 32, hourly: 0.144 }
]

export const instanceTypeOf = (name: string) => INSTANCE_TYPES.find(t => t.instanceType === name)

export const MIN_SYSTEM_DISK_SIZE = 20
export const MAX_SYSTEM_DISK_SIZE = 1024
export const MAX_INSTANCE_COUNT = 100
export const DEFAULT_INSTANCE_NAME = 'Terraform-Instance'

/** What the first and second ReleaseInstances do to an instance in `status` (null: refused). */
export type InstanceReleaseStep = 'recycle' | 'destroy' | 'being-recycled' | null

export function instanceReleaseStep (status: string): InstanceReleaseStep {
  switch (status) {
    case 'RUNNING':
    case 'STOPPED': return 'recycle'
    // A failed creation holds nothing worth a recycle bin.
    case 'CREATE_FAILED':
    case 'RECYCLE': return 'destroy'
    case 'RECYCLING':
    case 'RELEASING': return 'being-recycled'
    default: return null
  }
}

/** A stable MAC address for a NIC id (locally administered, unicast). */
export function macAddressOf (nicId: string): string {
  let h = 0
  for (const c of nicId) h = (h * 31 + c.charCodeAt(0)) >>> 0
  const bytes = [0x02, 0x5a, (h >>> 24) & 255, (h >>> 16) & 255, (h >>> 8) & 255, h & 255]
  return bytes.map(b => b.toString(16).padStart(2, '0')).join(':')
}
