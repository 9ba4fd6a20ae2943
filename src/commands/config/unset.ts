import {Args} from '@oclif/core'

import {BaseCommand} from '../../cli/base-command.js'
import {unsetSetting, type UnsetSettingResult} from '../../services/config/unset.js'

export default class ConfigUnset extends BaseCommand<typeof ConfigUnset> {
  static summary = 'Remove a setting from the profile (back to its environment variable or default).'
  static examples = ['<%= config.bin %> config unset region']
  static args = {key: Args.string({description: 'setting name (see `ctx config list`)', required: true})}

  async run(): Promise<UnsetSettingResult> {
    const result = await unsetSetting(this.configStore(), this.context.profileName, this.args.key)
    this.note(
      result.removed
        ? `Removed ${result.key} from profile "${result.profile}".`
        : `${result.key} was not set in profile "${result.profile}".`,
    )
    return result
  }
}
