import {BaseCommand} from '../../cli/base-command.js'
import {renderFields} from '../../output/table.js'
import {checkAuthStatus, type AuthStatus} from '../../services/auth/status.js'

export default class AuthStatusCommand extends BaseCommand<typeof AuthStatusCommand> {
  static summary = 'Show the profile, customer, region, where the secret is kept, and until when the token is valid.'
  static description = 'Exits 3 when the profile has no credentials, 4 when Citrix Cloud refuses them.'
  static examples = ['<%= config.bin %> auth status', '<%= config.bin %> auth status --sandbox --json']

  async run(): Promise<AuthStatus> {
    const status = await checkAuthStatus(await this.citrix())
    this.log(
      renderFields([
        ['Profile', status.profile],
        ['Customer', status.customerId],
        ['Client id', status.clientId],
        ['Region', status.region ?? 'global (api.cloud.com)'],
        ['API', status.apiUrl],
        ['Secret kept in', status.secretSource],
        ['Token valid until', `${status.tokenValidUntil}${status.tokenFromCache ? ' (cached)' : ''}`],
      ]),
    )
    return status
  }
}
