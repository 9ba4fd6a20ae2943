import type {ApplianceClient} from '../../citrix/appliance.js'
import {UsageError} from '../../errors.js'

export interface LoginOptions {
  client: ApplianceClient
  /** Where the password comes from; told whether it is the appliance's first one (a prompt then says so). */
  password: (first: boolean) => Promise<string>
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
export async function loginToAppliance(options: LoginOptions): Promise<LoginResult> {
  const {client, repeatFirstPassword} = options
  const passwordSet = !(await client.credentialsAreSetup())
  const password = await options.password(passwordSet)
  if (passwordSet) {
    if (repeatFirstPassword && (await repeatFirstPassword()) !== password) {
      throw new UsageError('The two passwords differ; no password was set.', {hint: 'Run `ctx appliance login` again.'})
    }
    await client.setFirstPassword(password)
  }
  const token = await client.login(password)
  return {host: client.address.key, passwordSet, tokenExpiresAt: new Date(token.expiresAt).toISOString()}
}
