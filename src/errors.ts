/**
 * THE error catalogue: every ZEC error code the emulator can answer, with its HTTP status.
 * Nothing else in the code base writes an error code or picks an error status.
 * Statuses follow the per-API tables of the ZEC docs (zec-api.md §2.3–2.4); where the docs are
 * silent the choice is ours and is listed in the README's behaviour notes.
 */
export class ZecError extends Error {
  readonly status: number
  readonly code: string

  constructor (status: number, code: string, message: string) {
    // An answer, not a crash: no stack trace is captured. Capturing one was most of what a
    // refused request cost (issue 9), and no stack of a ZecError is ever shown or logged.
    const stackTraceLimit = Error.stackTraceLimit
    Error.stackTraceLimit = 0
    super(message)
    Error.stackTraceLimit = stackTraceLimit
    this.name = 'ZecError'
    this.status = status
    this.code = code
  }
}

const fail = (status: number, code: string) => (message: string) => new ZecError(status, code, message)

export const errors = {
  // Common: wire and validation.
  missingParameter: fail(400, 'MISSING_PARAMETER'),
  invalidParameterType: fail(400, 'INVALID_PARAMETER_TYPE'),
  invalidParameterValue: fail(400, 'INVALID_PARAMETER_VALUE'),
  exceedMaximum: fail(400, 'INVALID_PARAMETER_EXCEED_MAXIMUM'),
  lessMinimum: fail(400, 'INVALID_PARAMETER_LESS_MINIMUM'),
  exceedLength: fail(400, 'INVALID_PARAMETER_EXCEED_LENGTH'),
  lessLength: fail(400, 'INVALID_PARAMETER_LESS_LENGTH'),
  patternError: fail(400, 'INVALID_PARAMETER_PATTERN_ERROR'),
  dateFormatError: fail(400, 'INVALID_PARAMETER_DATE_FORMAT_ERROR'),
  malformedBody: fail(400, 'INVALID_REQUEST_BODY'),
  bodyTooLarge: fail(413, 'REQUEST_ENTITY_TOO_LARGE'),
  unsupportedContentType: fail(415, 'UNSUPPORTED_CONTENT_TYPE'),
  unsupportedVersion: fail(400, 'INVALID_API_VERSION'),
  unknownAction: fail(403, 'AUTHFAILURE_UNAUTHORIZED_OPERATION'),
  routeNotFound: fail(404, 'INVALID_REQUEST_PATH'),
  methodNotAllowed: fail(405, 'UNSUPPORTED_HTTP_METHOD'),
  internal: fail(500, 'INTERNAL_SERVER_ERROR'),
  // HTTP-level failures (src/protocol/client-errors.ts): what Node's parser or Fastify's router
  // refuses before any route runs. ZEC publishes no codes for these; the names are ours.
  malformedHttpRequest: fail(400, 'INVALID_HTTP_REQUEST'),
  requestTimeout: fail(408, 'REQUEST_TIMEOUT'),
  uriTooLong: fail(414, 'REQUEST_URI_TOO_LONG'),
  expectationFailed: fail(417, 'EXPECTATION_FAILED'),
  headerFieldsTooLarge: fail(431, 'REQUEST_HEADER_FIELDS_TOO_LARGE'),

  // Authentication.
  invalidAuthorization: fail(401, 'AUTHFAILURE_INVALID_AUTHORIZATION'),
  signatureFailure: fail(401, 'AUTHFAILURE_SIGNATURE_FAILURE'),
  signatureExpired: fail(401, 'AUTHFAILURE_SIGNATURE_EXPIRED'),
  // The emulator's admin API, when it runs with --admin-token.
  adminTokenRequired: fail(401, 'AUTHFAILURE_INVALID_AUTHORIZATION'),
  // Before fixtures, the state file and the init folder are loaded.
  notReady: fail(503, 'SERVICE_TEMPORARY_UNAVAILABLE'),
  // The admin API's own resources.
  checkpointNotFound: fail(404, 'INVALID_CHECKPOINT_NOT_FOUND'),
  faultRuleNotFound: fail(404, 'INVALID_FAULT_RULE_NOT_FOUND'),
  invalidStateFile: fail(400, 'INVALID_STATE_FILE'),
  // A fault rule's throttle effect: what every official SDK retries (zec-api.md §1.6).
  requestLimitExceeded: fail(429, 'REQUEST_LIMIT_EXCEEDED'),
  // A fault rule's error effect: the status (400–599) and code the user chose, checked when the
  // rule is added (POST /_emulator/faults). The one entry whose code is not fixed here.
  injected: (status: number, code: string, message: string) => new ZecError(status, code, message),

  // Zones, instances, resource groups.
  zoneNotFound: fail(404, 'INVALID_ZONE_NOT_FOUND'),
  instanceNotFound: fail(404, 'INVALID_INSTANCE_NOT_FOUND'),
  resourceGroupNotFound: fail(404, 'OPERATION_FAILED_RESOURCE_GROUP_NOT_FOUND'),

  // Disks.
  diskNotFound: fail(404, 'INVALID_DISK_NOT_FOUND'),
  // ChangeDisksAttach's own error table lists INVALID_DISK_NOT_FOUND with 400, not 404.
  diskNotFoundForChange: fail(400, 'INVALID_DISK_NOT_FOUND'),
  diskBeingRecycled: fail(400, 'UNSUPPORTED_OPERATION_DISK_BEING_RECYCLE'),
  recycledResource: fail(400, 'OPERATION_FAILED_FOR_RECYCLE_RESOURCE'),
  diskStatusUnsupported: fail(400, 'UNSUPPORTED_OPERATION_DISK_STATUS'),
  diskStatusDenied: fail(400, 'OPERATION_DENIED_DISK_STATUS'),
  diskNotPortable: fail(400, 'INVALID_DISK_NOT_PORTABLE'),
  diskSystemType: fail(400, 'UNSUPPORTED_OPERATION_DISK_SYSTEM_TYPE'),
  diskAttached: fail(400, 'UNSUPPORTED_OPERATION_DISK_ATTACHED'),
  diskAttachRepeated: fail(400, 'UNSUPPORTED_OPERATION_DISK_ATTACH_REPEATED'),
  diskInstanceZoneMismatch: fail(400, 'INVALID_DISK_AND_INSTANCE_ZONE_MISMATCHED'),
  instanceAttachLimit: fail(400, 'LIMIT_EXCEEDED_INSTANCE_CAN_ATTACH'),
  instanceStatusUnsupported: fail(400, 'UNSUPPORTED_OPERATION_INSTANCE_STATUS'),

  // Snapshots.
  snapshotNotFound: fail(404, 'INVALID_DISK_SNAPSHOT_NOT_FOUND'),
  snapshotStatusDenied: fail(400, 'OPERATION_DENIED_DISK_SNAPSHOT_STATUS'),
  snapshotQuotaExceeded: fail(400, 'INVALID_SNAPSHOT_QUOTA_EXCEED'),
  snapshotRetentionTime: fail(400, 'INVALID_SNAPSHOT_RETENTION_TIME'),
  snapshotSizeMismatch: fail(400, 'INVALID_DISK_SNAPSHOT_SIZE_MISMATCH'),

  // Instances (zec-instances.md; codes as the ZEC and BMC error tables name them).
  instanceRecycled: fail(400, 'OPERATION_DENIED_INSTANCE_RECYCLED'),
  instanceNotRecycled: fail(400, 'OPERATION_DENIED_INSTANCE_NOT_RECYCLED'),
  instanceNotRunning: fail(400, 'OPERATION_DENIED_INSTANCE_NOT_RUNNING'),
  instanceNotStopped: fail(400, 'OPERATION_DENIED_INSTANCE_NOT_STOPPED'),
  instanceCreating: fail(400, 'OPERATION_DENIED_INSTANCE_CREATING'),
  instanceStatusDenied: fail(400, 'OPERATION_DENIED_INSTANCE_STATUS'),
  instanceTypeNotFound: fail(404, 'INVALID_INSTANCE_TYPE_NOT_FOUND'),
  imageNotFound: fail(404, 'INVALID_IMAGE_NOT_FOUND'),
  loginConflict: fail(400, 'INVALID_PARAMETER_INSTANCE_LOGIN_CONFLICT'),
  passwordMalformed: fail(400, 'INVALID_PARAMETER_VALUE_PASSWORD_MALFORMED'),
  nicNotFound: fail(404, 'INVALID_NIC_NOT_FOUND'),

  // VPCs, subnets, security groups.
  resourceNotFound: fail(404, 'OPERATION_FAILED_RESOURCE_NOT_FOUND'),
  vpcNotFound: fail(404, 'INVALID_VPC_NOT_FOUND'),
  vpcCidrMalformed: fail(400, 'INVALID_PARAMETER_VPC_CIDR_BLOCK'),
  vpcCidrNotPrivate: fail(400, 'INVALID_PARAMETER_VPC_LAN_IP'),
  vpcCidrNetmask: fail(400, 'INVALID_PARAMETER_VPC_LAN_IP_NETMASK'),
  vpcHasSubnets: fail(400, 'OPERATION_DENIED_VPC_EXIST_SUBNET_ASSIGN'),
  vpcHasInstances: fail(400, 'OPERATION_DENIED_VPC_EXIST_INSTANCE'),
  vpcRegionNotFound: fail(404, 'INVALID_VPC_REGION_NOT_FOUND'),
  subnetNotFound: fail(404, 'INVALID_SUBNET_NOT_FOUND'),
  subnetCidrMalformed: fail(400, 'INVALID_PARAMETER_SUBNET_CIDR_BLOCK'),
  subnetCidrNetmask: fail(400, 'INVALID_PARAMETER_SUBNET_LAN_IP_NETMASK'),
  subnetCidrOutsideVpc: fail(400, 'INVALID_PARAMETER_SUBNET_CIDR_NOT_BELONG_VPC'),
  subnetCidrOverlap: fail(400, 'INVALID_PARAMETER_VPC_SUBNET_OVER_LAP'),
  subnetHasInstances: fail(400, 'OPERATION_DENIED_SUBNET_EXIST_INSTANCE'),
  subnetZoneMismatch: fail(400, 'INVALID_SUBNET_ZONE_MISMATCH'),
  subnetIpInsufficient: fail(400, 'INVALID_SUBNET_PRIVATE_IP_INSUFFICIENT'),
  lanIpInUse: fail(400, 'OPERATION_DENIED_IP_ASSOCIATED_INSTANCE'),
  lanIpNotSupported: fail(400, 'INVALID_PARAMETER_LAN_IP_NOT_SUPPORT'),
  securityGroupNotFound: fail(404, 'INVALID_SECURITY_GROUP_NOT_FOUND'),
  securityGroupInUse: fail(400, 'OPERATION_DENIED_SECURITY_GROUP_IN_USE'),
  securityGroupDefault: fail(400, 'OPERATION_DENIED_SECURITY_GROUP_DEFAULT'),

  // Auto-snapshot policies.
  policyNotFound: fail(404, 'INVALID_AUTO_SNAPSHOT_POLICY_NOT_FOUND'),
  policyZoneMismatch: fail(404, 'INVALID_AUTO_SNAPSHOT_ZONE_MISMATCH'),
  diskPolicyExists: fail(400, 'INVALID_DISK_AUTO_SNAPSHOT_POLICY_EXIST')
} as const
