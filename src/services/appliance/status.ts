import type {ApplianceClient} from '../../citrix/appliance.js'

export interface ApplianceStatus {
  host: string
  status: 'Registered' | 'Unregistered'
  code?: string
  expiryTimestamp?: string
}

export async function readApplianceStatus(client: ApplianceClient): Promise<ApplianceStatus> {
  const reply = await client.registrationStatus()
  return {host: client.address.key, status: reply.status, code: reply.code, expiryTimestamp: reply.expiryTimestamp}
}
