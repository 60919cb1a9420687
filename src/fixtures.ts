/**
 * The fixtures file format (documented in fixtures/README.md), checked with TypeBox when read.
 * Times are either ZEC timestamps or signed ISO-8601 durations relative to the moment the
 * fixtures are loaded (`-P30D` = thirty days ago), so demo data never goes stale.
 */
import { readFileSync } from 'node:fs'
import { Type, type Static } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { Enum } from '../schemas/common.js'
import { DISK_STATUSES, DISK_TYPES } from '../schemas/disk.js'
import { SNAPSHOT_STATUSES, SNAPSHOT_TYPES } from '../schemas/snapshot.js'
import { ZoneInfo } from '../schemas/zone.js'
import { fieldName } from './protocol/validation.js'

const FixtureId = Type.String({ pattern: '^[0-9]{19}$' })
const FixtureTime = Type.String({ minLength: 2, maxLength: 32 })
const Opt = Type.Optional

export const FixturesSchema = Type.Object({
  credentials: Opt(Type.Array(Type.Object({ accessKeyId: Type.String({ minLength: 1 }), accessKeyPassword: Type.String({ minLength: 1 }), account: Opt(Type.String({ minLength: 1 })) }))),
  tokens: Opt(Type.Array(Type.Object({ token: Type.String({ minLength: 1 }), account: Opt(Type.String({ minLength: 1 })) }))),
  zones: Type.Array(ZoneInfo, { minItems: 1 }),
  resourceGroups: Opt(Type.Array(Type.Object({ resourceGroupId: Type.String({ minLength: 1 }), resourceGroupName: Type.String({ minLength: 1 }) }))),
  images: Opt(Type.Array(Type.Object({
    imageId: Type.String({ minLength: 1 }),
    imageName: Type.String({ minLength: 1 }),
    zoneIds: Opt(Type.Array(Type.String())),
    imageType: Opt(Type.String()),
    imageSource: Opt(Type.String()),
    imageSize: Opt(Type.String()),
    imageDescription: Opt(Type.String()),
    imageVersion: Opt(Type.String()),
    imageStatus: Opt(Type.String()),
    nicNetworkType: Opt(Type.Array(Type.String())),
    category: Type.String(),
    osType: Type.String()
  }))),
  securityGroups: Opt(Type.Array(Type.Object({
    securityGroupId: FixtureId,
    securityGroupName: Type.String({ minLength: 1 }),
    isDefault: Opt(Type.Boolean()),
    createTime: Opt(FixtureTime)
  }))),
  vpcs: Opt(Type.Array(Type.Object({
    vpcId: FixtureId,
    name: Type.String({ minLength: 1 }),
    cidrBlock: Type.String(),
    mtu: Opt(Type.Integer()),
    isDefault: Opt(Type.Boolean()),
    securityGroupId: Opt(FixtureId),
    resourceGroupId: Opt(Type.String()),
    createTime: Opt(FixtureTime)
  }))),
  subnets: Opt(Type.Array(Type.Object({
    subnetId: FixtureId,
    vpcId: FixtureId,
    regionId: Type.String(),
    name: Type.String({ minLength: 1 }),
    cidrBlock: Type.String(),
    isDefault: Opt(Type.Boolean()),
    createTime: Opt(FixtureTime)
  }))),
  instances: Opt(Type.Array(Type.Object({
    instanceId: FixtureId,
    instanceName: Type.String({ minLength: 1 }),
    zoneId: Type.String(),
    status: Type.String({ minLength: 1 }),
    instanceType: Type.String(),
    cpu: Type.Integer({ minimum: 1 }),
    memory: Type.Integer({ minimum: 1 }),
    imageId: Type.String(),
    imageName: Type.String(),
    publicIpAddresses: Opt(Type.Array(Type.String())),
    privateIpAddresses: Opt(Type.Array(Type.String())),
    resourceGroupId: Opt(Type.String()),
    subnetId: Opt(FixtureId),
    securityGroupId: Opt(FixtureId),
    createTime: Opt(FixtureTime)
  }))),
  disks: Opt(Type.Array(Type.Object({
    diskId: FixtureId,
    diskName: Type.String({ minLength: 1 }),
    zoneId: Type.String(),
    diskType: Enum(DISK_TYPES),
    diskCategory: Type.String(),
    diskSize: Type.Integer({ minimum: 1 }),
    diskStatus: Enum(DISK_STATUSES),
    instanceId: Opt(FixtureId),
    portable: Opt(Type.Boolean()),
    snapshotAbility: Opt(Type.Boolean()),
    resourceGroupId: Opt(Type.String()),
    chargeType: Opt(Type.String()),
    burstingEnabled: Opt(Type.Boolean()),
    createTime: Opt(FixtureTime)
  }))),
  snapshots: Opt(Type.Array(Type.Object({
    snapshotId: FixtureId,
    snapshotName: Type.String({ minLength: 1 }),
    diskId: FixtureId,
    snapshotType: Enum(SNAPSHOT_TYPES),
    status: Enum(SNAPSHOT_STATUSES),
    createTime: Opt(FixtureTime),
    retentionTime: Opt(FixtureTime)
  })))
})
export type Fixtures = Static<typeof FixturesSchema>

/** A data file named by an option (fixtures, price table) that cannot be used; the server exits 2. */
export class DataFileError extends Error {}

/** Reads and checks a fixtures file; DataFileError names the file, the field and the problem. */
export function readFixtures (path: string): Fixtures {
  let doc: unknown
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new DataFileError(`cannot read fixtures ${path}: ${(error as Error).message}`)
  }
  const first = Value.Errors(FixturesSchema, doc).First()
  if (first !== undefined) throw new DataFileError(`fixtures ${path}: \`${fieldName(first.path)}\` ${first.message.toLowerCase()}`)
  return doc as Fixtures
}
