import {randomBytes} from 'node:crypto'

import type {ResourceLocationWire} from '../../citrix/resource-locations.js'
import {createRandom, uuidFrom, type Random} from './random.js'
import {seedConnectors, seedRegisteredProducts} from './seed-products.js'
import type {SandboxSettings} from './settings.js'
import type {SandboxState} from './types.js'

// The seeded part of the state: the same seed always gives the same sandbox. Each domain adds its
// own seeder here; tables too large to store (license users, devices) are generated per row instead.

const locationNames = ['Headquarters', 'London DC', 'Frankfurt Azure', 'Singapore', 'Tokyo Branch', 'Remote Workers']
const timeZones = [
  'Eastern Standard Time',
  'GMT Standard Time',
  'W. Europe Standard Time',
  'Singapore Standard Time',
  'Tokyo Standard Time',
  'UTC',
]

function seedResourceLocations(random: Random): ResourceLocationWire[] {
  return locationNames.map((name, i) => ({
    id: uuidFrom(random),
    name,
    internalOnly: i === 5,
    timeZone: timeZones[i]!,
    readOnly: false,
  }))
}

type SeededPart = Omit<SandboxState, 'version' | 'settings' | 'signingKey' | 'createdAt'>

export function seedState(settings: SandboxSettings, now: Date): SeededPart {
  const random = createRandom(settings.seed)
  const resourceLocations = seedResourceLocations(random)
  return {
    resourceLocations,
    registeredProducts: seedRegisteredProducts(settings.seed, settings.sizes.products, now),
    pendingCodes: [],
    connectors: seedConnectors(settings.seed, resourceLocations, now),
    appliances: [],
    licensing: {releasedConsumerIds: {}},
  }
}

/** A new state: the seeded data, and a signing key of its own so that a reset invalidates every token. */
export function freshState(settings: SandboxSettings, now = new Date()): SandboxState {
  return {
    version: 1,
    settings,
    signingKey: randomBytes(32).toString('hex'),
    createdAt: now.toISOString(),
    ...seedState(settings, now),
  }
}
