import {BaseCommand} from '../../cli/base-command.js'
import {settingKeys} from '../../config/keys.js'
import {renderTable} from '../../output/table.js'
import {listSettings, type ProfileSettings} from '../../services/config/list.js'
import {settingSourceLabel, type ShownSetting} from '../../services/config/shown-value.js'

export default class ConfigList extends BaseCommand<typeof ConfigList> {
  static summary = 'List the settings in force for the profile, and where each comes from (flag, env, profile, default); secrets masked.'
  static examples = ['<%= config.bin %> config list', '<%= config.bin %> config list --profile prod --json']

  async run(): Promise<ProfileSettings> {
    const result = listSettings(this.configStore(), this.context.profileName, {flags: this.flags})
    this.note(`Profile "${result.profile}" (profiles: ${result.profiles.join(', ') || 'none yet'})`)
    this.log(
      renderTable(
        [
          {header: 'Setting', value: (s: ShownSetting) => s.key},
          {header: 'Value', value: (s) => (s.value === null ? '' : s.location ? `${s.value} (${s.location})` : s.value)},
          {header: 'Source', value: (s) => settingSourceLabel(s)},
          {header: 'Meaning', value: (s) => settingKeys[s.key].description},
        ],
        result.settings,
      ),
    )
    return result
  }
}
