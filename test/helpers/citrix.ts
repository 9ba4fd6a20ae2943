import type {Got} from 'got'

import {CitrixClient} from '../../src/citrix/client.js'
import {resolveSettings, type Settings} from '../../src/config/settings.js'
import {ConfigStore} from '../../src/config/store.js'
import {TokenCache} from '../../src/config/token-cache.js'
import {createHttpClient} from '../../src/http/client.js'
import {fakeCredentialsEnv} from './nock.js'
import type {TestSandbox} from './sandbox.js'

// Citrix clients for tests; call them inside useTempConfig(), whose folder takes the token cache.

/** A Citrix client for the credentials and origin in `env` (a test sandbox's, or the nock fake's). */
export async function clientFor(env: Record<string, string>, maxRetries = 4): Promise<CitrixClient> {
  Object.assign(process.env, env)
  const settings = await resolveSettings({'max-retries': maxRetries}, ConfigStore.open())
  return new CitrixClient(createHttpClient({maxRetries}), settings, new TokenCache())
}

/** A Citrix client pointed at a test sandbox. */
export function sandboxClient(sandbox: TestSandbox, maxRetries = 0): Promise<CitrixClient> {
  return clientFor(sandbox.env, maxRetries)
}

/** A Citrix client for the fake customer of nock.ts. */
export function fakeCustomerClient(maxRetries = 0): Promise<CitrixClient> {
  return clientFor(fakeCredentialsEnv(), maxRetries)
}

/** Citrix clients for any settings on one got instance: the factory a service that verifies other credentials is handed. */
export function citrixClientsOn(http: Got): (settings: Settings) => CitrixClient {
  return (settings) => new CitrixClient(http, settings, new TokenCache())
}
