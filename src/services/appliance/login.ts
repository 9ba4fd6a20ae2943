import type {ApplianceClient} from '../../citrix/appliance.js'
import {UsageError} from '../../errors.js'

export interface LoginOptions {
  client: ApplianceClient
  password: string
  /** On a terminal, the first password is asked twice: this asks the second time. */
  repeatFirstPassword?: () => Promise<string>
}

export interface LoginResult {
  host: string
  /** True when this login set the appliance's first admin password. */
  passwordSet: boolean
  tokenExpiresAt: string
}

/** Sets the first admin password when the appliance has none, then logs in; the token is cached by the client. */
export async function loginToAppliance({client, password, repeatFirstPassword}: LoginOptions): Promise<LoginResult> {
  const passwordSet = !(await client.credentialsAreSetup())
  if (passwordSet) {
    if (repeatFirstPassword && (await repeatFirstPassword()) !== password) {
      throw new UsageError('The two passwords differ; no password was set.', {hint: 'Run `ctx appliance login` again.'})
    }
    await client.setFirstPassword(password)
  }
  const token = await client.login(password)
  return {host: client.address.key, passwordSet, tokenExpiresAt: new Date(token.expiresAt).toISOString()}
}
