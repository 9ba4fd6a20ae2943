import {productKinds, type ProductKind} from '../../citrix/products.js'
import {issueCode} from '../../sandbox/cloud/registration-codes.js'
import {sandboxDataDir} from '../../sandbox/registry.js'
import {defaultSettings} from '../../sandbox/state/settings.js'
import {SandboxStore} from '../../sandbox/state/store.js'
import type {PendingCode} from '../../sandbox/state/types.js'

export interface IssueCodeOptions {
  product: ProductKind
  hostname: string
  version?: string
  /** The sandbox's data folder; a running sandbox reads the same state, so it sees the code at once. */
  dir?: string
  now?: Date
}

/** Plays an on-premises product asking Citrix Cloud for a registration code. */
export async function issueSandboxCode(options: IssueCodeOptions): Promise<PendingCode> {
  const store = new SandboxStore(options.dir ?? sandboxDataDir())
  await store.open(defaultSettings())
  return store.update((state) =>
    issueCode(
      state,
      {service: productKinds[options.product], hostname: options.hostname, version: options.version},
      options.now ?? new Date(),
    ),
  )
}
