/** The store: every repository over one database, and the one-transaction-per-request wrapper. */
import { createAccounts } from './accounts.js'
import { createControl } from './control.js'
import { openDatabase, type Db } from './db.js'
import { createDisks } from './disks.js'
import { createFaults } from './faults.js'
import { createHistory } from './history.js'
import { createIds } from './ids.js'
import { createImages } from './images.js'
import { createInstances } from './instances.js'
import { createSecurityGroups, createSubnets, createVpcs } from './network.js'
import { createNames } from './names.js'
import { createPolicies } from './policies.js'
import { createSnapshots } from './snapshots.js'
import { createZones } from './zones.js'

export function createStore (db: Db) {
  return {
    // Typed by its alias so the emitted declarations (the package's .d.ts) can name it.
    db: db as Db,
    accounts: createAccounts(db),
    control: createControl(db),
    ids: createIds(db),
    zones: createZones(db),
    instances: createInstances(db),
    names: createNames(db),
    disks: createDisks(db),
    snapshots: createSnapshots(db),
    policies: createPolicies(db),
    images: createImages(db),
    vpcs: createVpcs(db),
    subnets: createSubnets(db),
    securityGroups: createSecurityGroups(db),
    faults: createFaults(db),
    history: createHistory(db),
    /** Runs `work` in one IMMEDIATE transaction: all of it is written, or none of it. */
    transaction: <T>(work: () => T): T => db.transaction(work).immediate(),
    close: () => { db.close() }
  }
}
export type Store = ReturnType<typeof createStore>

export function openStore (path: string): Store {
  return createStore(openDatabase(path))
}
