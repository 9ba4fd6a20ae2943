import {BaseCommand} from '../../cli/base-command.js'
import {settingKeys} from '../../config/keys.js'
import {renderTable} from '../../output/table.js'
import {listSettings, type ProfileSettings} from '../../services/config/list.js'
import type {ShownSetting} from '../../services/config/shown-value.js'

export default class ConfigList extends BaseCommand<typeof ConfigList> {
  static summary = 'List the settings of the profile, secrets masked.'
  static examples = ['<%= config.bin %> config list', '<%= config.bin %> config list --profile prod --json']

  async run(): Promise<ProfileSettings> {
    const result = listSettings(this.configStore(), this.context.profileName)
    this.note(`Profile "${result.profile}" (profiles: ${result.profiles.join(', ') || 'none yet'})`)
    this.log(
      renderTable(
        [
          {header: 'Setting', value: (s: ShownSetting) => s.key},
          {header: 'Value', value: (s) => (s.value === null ? '' : s.location ? `${s.value} (${s.location})` : s.value)},
          {header: 'Meaning', value: (s) => settingKeys[s.key].description},
        ],
        result.settings,
      ),
    )
    return result
  }
}
