import {Flags} from '@oclif/core'

import {connectorKinds} from '../citrix/connectors.js'
import {productKinds} from '../citrix/products.js'

// Filter flags that a list command and its remove command share, so both select alike.

export const staleFlag = Flags.string({description: 'last contact older than this (30d, 12h, 2w)'})

export const productFilterFlags = {
  product: Flags.string({description: 'only this product', options: Object.keys(productKinds)}),
  name: Flags.string({description: 'host names matching this glob, such as "ls-*" (any case)'}),
  stale: staleFlag,
}

export const connectorFilterFlags = {
  'resource-location': Flags.string({description: 'only this resource location (id or name)'}),
  type: Flags.string({description: 'windows (Cloud Connector) or appliance (Connector Appliance)', options: Object.keys(connectorKinds)}),
  name: Flags.string({description: 'FQDNs matching this glob, such as "cc-*" (any case)'}),
  stale: Flags.string({description: 'disconnected, with last contact older than this (30d, 12h, 2w); a Connected connector is never stale'}),
}
