import {CitrixClient} from '../../src/citrix/client.js'
import {resolveSettings} from '../../src/config/settings.js'
import {ConfigStore} from '../../src/config/store.js'
import {createHttpClient} from '../../src/http/client.js'
import {fakeCredentialsEnv} from './nock.js'

/** A CitrixClient for the fake customer of nock.ts (call inside useTempConfig). */
export async function fakeCustomerClient(maxRetries = 0): Promise<CitrixClient> {
  Object.assign(process.env, fakeCredentialsEnv())
  return new CitrixClient(createHttpClient({maxRetries}), await resolveSettings({'max-retries': maxRetries}, ConfigStore.open()))
}
