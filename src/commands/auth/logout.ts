import {BaseCommand} from '../../cli/base-command.js'
import {logOut, type LogoutResult} from '../../services/auth/logout.js'

export default class AuthLogout extends BaseCommand<typeof AuthLogout> {
  static summary = "Forget the profile's client secret (keychain or file) and its cached tokens."
  static examples = ['<%= config.bin %> auth logout', '<%= config.bin %> auth logout --profile prod']

  async run(): Promise<LogoutResult> {
    const result = await logOut(this.configStore(), this.context.profileName, await this.context.tokenCache())
    this.note(
      result.secretRemoved
        ? `Logged out of profile "${result.profile}": its secret and cached tokens are gone.`
        : `Profile "${result.profile}" had no saved secret; nothing to forget.`,
    )
    return result
  }
}
