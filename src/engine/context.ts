/** What every action handler and the lifecycle engine work with during one request. */
import type { ApiVersion } from '../../schemas/common.js'
import type { Config } from '../config.js'
import type { Clock } from '../domain/clock.js'
import type { Lifecycle } from '../domain/lifecycle.js'
import type { PriceTable } from '../domain/pricing.js'
import type { Store } from '../store/index.js'
import type { Journal } from './journal.js'

/** The parts of the app that live as long as the process. */
export interface Runtime {
  config: Config
  store: Store
  clock: Clock
  lifecycle: Lifecycle
  prices: PriceTable
  /** The request journal; null when --journal-size is 0. Memory only: it observes, it is not state. */
  journal: Journal | null
  /** False until fixtures, the state file and the init folder are loaded (GET /_emulator/ready). */
  ready: boolean
}

export interface ActionContext extends Runtime {
  accountId: string
  version: ApiVersion
  requestId: string
  /** The virtual clock read once at the start of the request, so one request sees one instant. */
  now: number
}
