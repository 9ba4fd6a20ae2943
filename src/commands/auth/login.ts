import {Flags} from '@oclif/core'

import {BaseCommand} from '../../cli/base-command.js'
import {regions} from '../../config/keys.js'
import {createProgress} from '../../output/progress.js'
import {promptSecret, promptText} from '../../output/prompt.js'
import {logIn, type LoginResult} from '../../services/auth/login.js'
import {readSecureClientFile} from '../../services/auth/secure-client-file.js'
import {readStdinSecret} from '../../util/stdin.js'

export default class AuthLogin extends BaseCommand<typeof AuthLogin> {
  static summary =
    'Save an API client (customer id, client id, secret) in a profile, after checking it with Citrix Cloud.'
  static description =
    'Prompts on a terminal. Elsewhere pass --customer-id and --client-id (or --secure-client-file), and the secret on stdin (--client-secret-stdin) or in CTX_CLIENT_SECRET: never as a flag value, which would stay in shell history. The secret goes to the OS keychain where one answers, else into the 0600 config file.'
  static examples = [
    '<%= config.bin %> auth login',
    '<%= config.bin %> auth login --customer-id acme123 --secure-client-file ~/Downloads/secureclient.csv --region eu',
    'printf %s "$SECRET" | <%= config.bin %> auth login --customer-id acme123 --client-id 1a2b… --client-secret-stdin',
  ]
  static flags = {
    'customer-id': Flags.string({description: 'Citrix Cloud customer id (env CTX_CUSTOMER_ID)'}),
    'client-id': Flags.string({description: 'API client id (env CTX_CLIENT_ID)'}),
    'client-secret-stdin': Flags.boolean({
      description: 'read the client secret from stdin (else CTX_CLIENT_SECRET, else a prompt)',
    }),
    'secure-client-file': Flags.string({
      description: 'the CSV (ID,Secret) Citrix Cloud offers when an API client is created',
    }),
    region: Flags.string({
      description: 'Citrix Cloud region (default: the global api.cloud.com)',
      options: [...regions],
    }),
    'no-verify': Flags.boolean({description: 'save without fetching a token first'}),
  }

  async run(): Promise<LoginResult> {
    const {flags} = this
    const settings = await this.settings()
    const file = flags['secure-client-file'] ? await readSecureClientFile(flags['secure-client-file']) : undefined
    const customerId =
      flags['customer-id'] ?? settings.customerId ?? (await promptText({message: 'Customer id', flag: '--customer-id'}))
    const clientId =
      flags['client-id'] ??
      file?.clientId ??
      settings.clientId ??
      (await promptText({message: 'Client id', flag: '--client-id'}))
    const clientSecret = flags['client-secret-stdin']
      ? await readStdinSecret(process.stdin, '--client-secret-stdin')
      : (file?.clientSecret ??
        (settings.secretSource === 'env' ? settings.clientSecret : undefined) ??
        (await promptSecret({message: 'Client secret', flag: '--client-secret-stdin'})))

    // The token call may take seconds (and retries): say what is going on, on a terminal.
    const checking = createProgress()
    const result = await logIn({
      store: this.configStore(),
      profile: settings.profile,
      credentials: {customerId, clientId, clientSecret},
      region: (flags.region as (typeof regions)[number] | undefined) ?? settings.region,
      apiUrl: settings.apiUrl,
      verifyWith: flags['no-verify']
        ? undefined
        : (verified) => {
            checking.update(`Checking the API client ${clientId} with Citrix Cloud…`)
            return this.context.citrixFor(verified, () => this.context.http())
          },
    }).finally(() => checking.done())
    const where =
      result.secretLocation === 'keychain'
        ? 'the OS keychain'
        : `the config file ${this.configStore().path} (mode 0600)`
    this.note(
      `${result.verified ? 'Verified and saved' : 'Saved (not verified)'} the API client ${clientId} of customer ${customerId} in profile "${result.profile}".`,
    )
    this.note(`The secret is kept in ${where}.`)
    return result
  }
}
