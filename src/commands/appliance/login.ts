import {Flags} from '@oclif/core'

import {ApplianceCommand, passwordEnv} from '../../cli/appliance-command.js'
import type {LoginResult} from '../../services/appliance/login.js'

export default class ApplianceLogin extends ApplianceCommand<typeof ApplianceLogin> {
  static summary = "Log in to a Connector Appliance's local API with its admin password; the 15-minute token is cached."
  static description = `The password comes from a prompt, --password-stdin or ${passwordEnv}. When the appliance has no admin password yet, this sets it (asking twice on a terminal). The other appliance commands reuse the cached token and log in again by themselves when it expires.`
  static examples = [
    '<%= config.bin %> appliance login --host 10.0.0.5',
    `echo "$PASSWORD" | <%= config.bin %> appliance login --host 10.0.0.5 --password-stdin --fingerprint sha256:AB:CD:…`,
  ]
  static flags = {
    ...ApplianceCommand.applianceFlags,
    'password-stdin': Flags.boolean({description: `read the admin password from stdin (or set ${passwordEnv})`}),
  }

  protected override passwordHint(): string {
    return `Pipe it in with --password-stdin, or set ${passwordEnv}.`
  }

  protected override async appliancePassword(first = false): Promise<string> {
    if (!this.flags['password-stdin']) return super.appliancePassword(first)
    const {readStdinSecret} = await import('../../util/stdin.js')
    return readStdinSecret(process.stdin, '--password-stdin')
  }

  async run(): Promise<LoginResult> {
    const [{loginToAppliance}, {canPrompt, promptSecret}] = await Promise.all([
      import('../../services/appliance/login.js'),
      import('../../output/prompt.js'),
    ])
    const client = await this.appliance()
    const typed = !this.flags['password-stdin'] && !process.env[passwordEnv] && canPrompt()
    const result = await loginToAppliance({
      client,
      password: (first) => this.appliancePassword(first),
      repeatFirstPassword: typed
        ? () => promptSecret({message: 'Type the new admin password again', flag: '--password-stdin'})
        : undefined,
    })
    if (result.passwordSet) this.note(`Set the first admin password of ${result.host}.`)
    this.note(
      `Logged in to ${result.host}; the token is valid until ${new Date(result.tokenExpiresAt).toLocaleTimeString()}.`,
    )
    return result
  }
}
