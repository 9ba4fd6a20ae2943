import {placeSecret} from '../../config/secrets.js'
import type {ConfigStore} from '../../config/store.js'
import {sandboxCredentials, sandboxProfile} from '../../sandbox/constants.js'

/**
 * Points the `sandbox` profile at a started sandbox, so that `--profile sandbox` works like a real
 * customer. Its secret opens nothing but the local simulator, so it goes to the file, not the keychain.
 */
export async function writeSandboxProfile(store: ConfigStore, url: string): Promise<string> {
  const secret = await placeSecret(sandboxProfile, 'client-secret', sandboxCredentials.clientSecret, {
    ...process.env,
    CTX_KEYCHAIN: 'off',
  })
  await store.updateProfile(sandboxProfile, {
    'customer-id': sandboxCredentials.customerId,
    'client-id': sandboxCredentials.clientId,
    'api-url': url,
    ...secret.values,
  })
  return sandboxProfile
}
