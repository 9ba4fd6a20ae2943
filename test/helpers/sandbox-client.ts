import {CitrixClient} from '../../src/citrix/client.js'
import {resolveSettings} from '../../src/config/settings.js'
import {ConfigStore} from '../../src/config/store.js'
import {createHttpClient} from '../../src/http/client.js'
import type {TestSandbox} from './sandbox.js'

/** A CitrixClient pointed at a test sandbox (call inside useTempConfig, which it writes the token cache into). */
export async function sandboxClient(sandbox: TestSandbox, maxRetries = 0): Promise<CitrixClient> {
  Object.assign(process.env, sandbox.env)
  const settings = await resolveSettings({'max-retries': maxRetries}, ConfigStore.open())
  return new CitrixClient(createHttpClient({maxRetries}), settings)
}
