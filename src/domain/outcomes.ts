/**
 * How each transition ends (zec-api.md §3.6, zec-instances.md): the status a resource settles into, what else
 * changes with it, or that it is gone. A transition told to fail ends in FAILED instead.
 */
import type { TransitionName } from './lifecycle.js'

export type Outcome =
  | { gone: true }
  | { gone: false, status: string, detach?: boolean }

/** How an instance transition ends when told to fail: creation and reinstall have their own status, the rest leave it as it was. */
function failedInstance (transition: TransitionName, returnStatus: string | null): Outcome {
  if (transition === 'instance.create' || transition === 'instance.deploy') return { gone: false, status: 'CREATE_FAILED' }
  if (transition === 'instance.reset') return { gone: false, status: 'REINSTALL_FAILED' }
  return { gone: false, status: returnStatus ?? 'STOPPED' }
}

export function outcomeOf (transition: TransitionName, record: { instanceId?: string | null, returnStatus: string | null }, failed: boolean): Outcome {
  if (failed && transition.startsWith('instance.')) return failedInstance(transition, record.returnStatus)
  // A failed create or attach leaves the disk attached to nothing: the instance never got it.
  if (failed) return { gone: false, status: 'FAILED', detach: transition === 'disk.create' || transition === 'disk.attach' }
  switch (transition) {
    case 'disk.create': return { gone: false, status: record.instanceId == null ? 'AVAILABLE' : 'IN_USE' }
    case 'disk.attach': return { gone: false, status: 'IN_USE' }
    case 'disk.detach': return { gone: false, status: 'AVAILABLE', detach: true }
    case 'disk.change':
    case 'disk.rollback': return { gone: false, status: record.returnStatus ?? (record.instanceId == null ? 'AVAILABLE' : 'IN_USE') }
    case 'disk.recycle': return { gone: false, status: 'RECYCLED', detach: true }
    case 'snapshot.create':
    case 'snapshot.rollback': return { gone: false, status: 'AVAILABLE' }
    case 'instance.create': return { gone: false, status: 'DEPLOYING' }
    case 'instance.deploy':
    case 'instance.boot':
    case 'instance.reboot':
    case 'instance.reset': return { gone: false, status: 'RUNNING' }
    case 'instance.stop': return { gone: false, status: 'STOPPED' }
    case 'instance.recycle': return { gone: false, status: 'RECYCLE' }
    case 'disk.delete':
    case 'disk.expire':
    case 'snapshot.delete':
    case 'instance.expire':
    case 'instance.release': return { gone: true }
  }
}
