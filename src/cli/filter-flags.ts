import {Flags} from '@oclif/core'

import {connectorKinds} from '../citrix/connectors.js'
import {productKinds, type ProductKind} from '../citrix/products.js'

// Filter flags that a list command and its remove command share, so both select alike.

export const productFilterFlags = {
  product: Flags.string({description: 'only this product', options: Object.keys(productKinds)}),
  name: Flags.string({description: 'host names matching this glob, such as "ls-*" (any case)'}),
  stale: Flags.string({
    description:
      'last contact older than this (30d, 12h, 2w); Citrix may report no last contact: then use the selectors below',
  }),
  'registered-before': Flags.string({
    description: 'registered before this date (2026-01-31) or longer ago than this duration (180d)',
  }),
  'hosts-from': Flags.string({
    description: 'host names listed in this file, one a line (a decommission list); - reads stdin',
  }),
  unresolvable: Flags.boolean({description: 'host names that no longer resolve in DNS from where ctx runs'}),
  'dns-server': Flags.string({
    description: 'ask this DNS server (ip or ip:port) for --unresolvable',
    dependsOn: ['unresolvable'],
  }),
}

/** The product selection flags as the product services take them. */
export function productSelection(flags: {
  product?: string
  name?: string
  stale?: string
  'registered-before'?: string
  'hosts-from'?: string
  unresolvable?: boolean
  'dns-server'?: string
}): {
  product?: ProductKind
  name?: string
  stale?: string
  registeredBefore?: string
  hostsFrom?: string
  unresolvable?: boolean
  dnsServer?: string
} {
  return {
    product: flags.product as ProductKind | undefined,
    name: flags.name,
    stale: flags.stale,
    registeredBefore: flags['registered-before'],
    hostsFrom: flags['hosts-from'],
    unresolvable: flags.unresolvable || undefined,
    dnsServer: flags['dns-server'],
  }
}

export const productSelectorNames = '--stale, --product, --name, --registered-before, --hosts-from, --unresolvable'

export const connectorFilterFlags = {
  'resource-location': Flags.string({description: 'only this resource location (id or name)'}),
  type: Flags.string({
    description: 'windows (Cloud Connector) or appliance (Connector Appliance)',
    options: Object.keys(connectorKinds),
  }),
  name: Flags.string({description: 'FQDNs matching this glob, such as "cc-*" (any case)'}),
  stale: Flags.string({
    description:
      'last contact older than this (30d, 12h, 2w); a connector with a recent last contact, or one that reports Connected, is never stale',
  }),
}
