import type {ConnectorWire} from '../../citrix/connectors.js'
import type {ProductService, RegisteredProductWire} from '../../citrix/products.js'
import type {ResourceLocationWire} from '../../citrix/resource-locations.js'
import {deviceInfoOf} from './catalog.js'
import {intBetween, pickOne, rowRandom, uuidFrom, type Random} from './random.js'

// Seeded product registrations and connectors: most in touch within the hour, some silent for days,
// some for months, so that `--stale 30d` always finds something. Each row comes from its own generator.

const day = 86_400_000
const minute = 60_000

const services: Array<{service: ProductService; prefix: string}> = [
  {service: 'ConnectorAppliance', prefix: 'ca'},
  {service: 'FederatedAuthenticationService', prefix: 'fas'},
  {service: 'LicenseServer', prefix: 'ls'},
  {service: 'VirtualAppsAndDesktops', prefix: 'ddc'},
]
const domains = ['corp.example', 'emea.corp.example', 'apac.corp.example']

/** How long ago a seeded server last called in: 60% fresh, 15% days, 25% months. */
function silence(random: Random): number {
  const roll = random()
  if (roll < 0.6) return intBetween(random, 1, 55) * minute
  if (roll < 0.75) return intBetween(random, 2, 20) * day
  return intBetween(random, 35, 300) * day + intBetween(random, 0, 1439) * minute
}

const minuteOf = (ms: number) => new Date(Math.floor(ms / minute) * minute).toISOString()

export function seedRegisteredProducts(seed: number, count: number, now: Date): RegisteredProductWire[] {
  return Array.from({length: count}, (_, i) => {
    const random = rowRandom(seed, 'products', i)
    const {service, prefix} = services[i % services.length]!
    const lastContact = now.getTime() - silence(random)
    const registered = lastContact - intBetween(random, 30, 700) * day
    return {
      instanceID: uuidFrom(random),
      service,
      registrationTime: minuteOf(registered),
      lastContactTime: minuteOf(lastContact),
      deviceInfo: deviceInfoOf(
        service,
        `${prefix}-${String(Math.floor(i / services.length) + 1).padStart(2, '0')}.${pickOne(random, domains)}`,
      ),
    }
  })
}

/**
 * Two or three connectors per resource location, a Connector Appliance in every other one. [doc] As in
 * Citrix's own sample, Cloud Connectors report `status: Unknown` with `role` and `leaseEndDateTime`
 * null: only their last contact tells whether they are stale.
 */
export function seedConnectors(seed: number, locations: ResourceLocationWire[], now: Date): ConnectorWire[] {
  const connectors: ConnectorWire[] = []
  locations.forEach((location, l) => {
    const count = 2 + (l % 2)
    for (let n = 0; n < count; n++) {
      const random = rowRandom(seed, 'connectors', connectors.length)
      const appliance = n === 2
      const silent = silence(random)
      const disconnected = silent > 2 * day || random() < 0.1
      const version = appliance ? '2026.9.0' : pickOne(random, ['7.44.0.12', '7.45.0.3', '7.46.1.0'])
      const host = `${appliance ? 'ca' : 'cc'}-${String(n + 1).padStart(2, '0')}.${location.name.toLowerCase().replace(/\W+/g, '-')}.corp.example`
      connectors.push({
        id: uuidFrom(random),
        fqdn: host,
        role: appliance ? 'ConnectorAppliance' : null,
        windowsSid: appliance
          ? ''
          : `S-1-5-21-${intBetween(random, 1e8, 9e8)}-${intBetween(random, 1e8, 9e8)}-${intBetween(random, 1000, 9999)}`,
        location: location.id,
        currentVersion: version,
        currentBootstrapperVersion: version,
        expectedVersion: appliance ? '2026.9.0' : '7.46.1.0',
        expectedBootStrapperVersion: appliance ? '2026.9.0' : '7.46.1.0',
        versionState: version === '7.46.1.0' || appliance ? 'Current' : 'Outdated',
        inMaintenance: false,
        leaseEndDateTime: appliance ? new Date(now.getTime() + 90 * day).toISOString() : null,
        upgradeDisabled: false,
        connectorType: appliance ? 'Unified' : 'Windows',
        status: appliance ? (disconnected ? 'Disconnected' : 'Connected') : 'Unknown',
        lastContactDate: minuteOf(now.getTime() - (disconnected ? silent : Math.min(silent, 5 * minute))),
      })
    }
  })
  return connectors
}
