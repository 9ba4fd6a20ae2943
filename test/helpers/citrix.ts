import {CitrixClient} from '../../src/citrix/client.js'
import {resolveSettings} from '../../src/config/settings.js'
import {ConfigStore} from '../../src/config/store.js'
import {TokenCache} from '../../src/config/token-cache.js'
import {createHttpClient} from '../../src/http/client.js'

/** A Citrix client for the credentials and origin in `env` (a test sandbox's, or the nock fake's). */
export async function clientFor(env: Record<string, string>, maxRetries = 4): Promise<CitrixClient> {
  Object.assign(process.env, env)
  const settings = await resolveSettings({'max-retries': maxRetries}, ConfigStore.open())
  return new CitrixClient(createHttpClient({maxRetries}), settings, new TokenCache())
}
