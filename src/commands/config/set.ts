import {Args} from '@oclif/core'

import {BaseCommand} from '../../cli/base-command.js'
import {setSetting, type SavedSetting} from '../../services/config/set.js'

export default class ConfigSet extends BaseCommand<typeof ConfigSet> {
  static summary = 'Save a setting in the profile (region, api-url, ca-bundle, …); secrets go through `ctx auth login`.'
  static examples = [
    '<%= config.bin %> config set region eu',
    '<%= config.bin %> config set api-url http://127.0.0.1:4780 --profile lab',
  ]
  static args = {
    key: Args.string({description: 'setting name (see `ctx config list`)', required: true}),
    value: Args.string({description: 'its value', required: true}),
  }

  async run(): Promise<SavedSetting> {
    const result = await setSetting(this.configStore(), this.context.profileName, this.args.key, this.args.value)
    this.note(`Saved ${result.key} = ${result.value} in profile "${result.profile}".`)
    return result
  }
}
