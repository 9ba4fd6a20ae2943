import type {ConnectorWire} from '../../citrix/connectors.js'
import type {RegisteredProductWire, RegistrationCodeWire} from '../../citrix/products.js'
import type {ResourceLocationWire} from '../../citrix/resource-locations.js'
import type {SandboxSettings} from './settings.js'

/** A code handed out by an on-premises product or an appliance, waiting to be registered in Citrix Cloud. */
export interface PendingCode extends RegistrationCodeWire {
  createdAt: string
  /** Set once the code is registered: the product it became. A used code cannot be registered again. */
  instanceID?: string
  /** The simulated appliance that asked for the code, if one did. */
  applianceId?: string
}

/**
 * A simulated Connector Appliance (section 2). Its HTTPS server and certificate are made at start;
 * what it remembers lives here, with the cloud side, so both sides share one state.
 */
export interface ApplianceState {
  id: string
  name: string
  /** Set by POST /credentials; stored as a salted hash, never in clear. */
  passwordHash?: string
  /** The port it listened on last, reused so that its address (and pinned fingerprint) stays stable. */
  port?: number
  certificatePem?: string
  privateKeyPem?: string
  /** The registered product once the appliance is registered. */
  instanceID?: string
  pendingCode?: string
  resourceLocationId?: string
  /** [doc] The deployment the appliance was last asked to register to: production or productionjp. */
  deployment?: string
}

/** Everything the simulated Citrix Cloud remembers. Large tables are generated per row, not stored. */
export interface SandboxState {
  version: 1
  settings: SandboxSettings
  /** Signs the sandbox's tokens; made at reset so tokens survive a restart but not a reset. */
  signingKey: string
  createdAt: string
  resourceLocations: ResourceLocationWire[]
  registeredProducts: RegisteredProductWire[]
  pendingCodes: PendingCode[]
  connectors: ConnectorWire[]
  appliances: ApplianceState[]
  /** Licensing: what changed from the generated data, per product segment (cvad, daasazure, …). */
  licensing: {
    releasedConsumerIds: Record<string, string[]>
    /** Product segments the customer is entitled to; absent means all four. Others answer 404. */
    entitledProducts?: string[]
  }
}
