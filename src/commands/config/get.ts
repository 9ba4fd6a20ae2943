import {Args} from '@oclif/core'

import {BaseCommand} from '../../cli/base-command.js'
import {getSetting, type ProfileSetting} from '../../services/config/get.js'
import {settingSourceLabel} from '../../services/config/shown-value.js'

export default class ConfigGet extends BaseCommand<typeof ConfigGet> {
  static summary =
    'Show the value in force of one setting and where it comes from (a secret is only shown as set, never its value).'
  static examples = ['<%= config.bin %> config get region', '<%= config.bin %> config get client-secret --profile prod']
  static args = {key: Args.string({description: 'setting name (see `ctx config list`)', required: true})}

  async run(): Promise<ProfileSetting> {
    const result = getSetting(this.configStore(), this.context.profileName, this.args.key, {flags: this.flags})
    if (result.value === null) {
      this.note(`${result.key} is not set in profile "${result.profile}".`)
    } else {
      // The value alone on stdout (scripts read it); where it comes from on stderr.
      this.log(result.location ? `${result.value} (${result.location})` : result.value)
      this.note(`from ${settingSourceLabel(result)}${result.source === 'profile' ? ` "${result.profile}"` : ''}`)
    }
    return result
  }
}
