import {Flags} from '@oclif/core'

import {BaseCommand} from '../../cli/base-command.js'
import {ExitCode} from '../../errors.js'
import {renderFields} from '../../output/table.js'
import {checkAuthStatus, type AuthStatus} from '../../services/auth/status.js'

const serviceLabels: Record<AuthStatus['service'], string> = {
  accepted: 'token accepted by Citrix Cloud',
  unreachable: 'cannot be reached',
  'not-checked': 'not checked (--offline)',
}

export default class AuthStatusCommand extends BaseCommand<typeof AuthStatusCommand> {
  static summary =
    'Show the profile, customer, region, where the secret is kept, and until when the token is valid; the token is checked with Citrix Cloud.'
  static description =
    'Exits 3 when the profile has no credentials, 4 when Citrix Cloud refuses them, 8 (with the rest of the status) when the API cannot be reached. --offline reads the cached token only and sends no request.'
  static examples = [
    '<%= config.bin %> auth status',
    '<%= config.bin %> auth status --offline',
    '<%= config.bin %> auth status --sandbox --json',
  ]
  static flags = {
    offline: Flags.boolean({description: 'no request: show the cached token only'}),
  }

  async run(): Promise<AuthStatus> {
    const status = await checkAuthStatus(await this.citrix(), {offline: this.flags.offline})
    const token = status.tokenValidUntil
      ? `${status.tokenValidUntil}${status.tokenFromCache ? ' (cached)' : ''}`
      : 'none cached'
    this.log(
      renderFields([
        ['Profile', status.profile],
        ['Customer', status.customerId],
        ['Client id', status.clientId],
        ['Region', status.region ?? 'global (api.cloud.com)'],
        ['API', `${status.apiUrl}: ${serviceLabels[status.service]}`],
        ['Secret kept in', status.secretSource],
        ['Token valid until', token],
      ]),
    )
    if (status.service === 'unreachable') {
      this.warn(
        `Citrix Cloud cannot be reached: ${status.serviceError} See what stands in the way with \`ctx doctor\`.`,
      )
      process.exitCode = ExitCode.unavailable
    }
    return status
  }
}
