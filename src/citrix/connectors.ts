// [doc] Cloud Connectors and Connector Appliances (section 2b of citrix-api.md, openapi/ccconnectors.yaml).

/** [model] `Windows` is a Cloud Connector, `Unified` a Connector Appliance. */
export type ConnectorType = 'Windows' | 'Unified'

export interface ConnectorWire {
  id: string
  fqdn: string
  role: string
  windowsSid: string
  location: string
  currentVersion: string
  currentBootstrapperVersion: string
  expectedVersion: string
  expectedBootStrapperVersion: string
  versionState: string
  inMaintenance: boolean
  leaseEndDateTime: string
  upgradeDisabled: boolean
  connectorType: ConnectorType | string
  status: 'Connected' | 'Disconnected' | string
  lastContactDate: string
}
