import {BaseCommand} from '../../cli/base-command.js'
import {listFlags} from '../../cli/list-flags.js'
import {settingKeys} from '../../config/keys.js'
import {renderList} from '../../output/list-format.js'
import type {Column} from '../../output/table.js'
import {listSettings, type ProfileSettings} from '../../services/config/list.js'
import {settingSourceLabel, type ShownSetting} from '../../services/config/shown-value.js'

const columns: Array<Column<ShownSetting>> = [
  {header: 'Setting', key: 'key', value: (s) => s.key},
  {
    header: 'Value',
    key: 'value',
    value: (s) => (s.value === null ? '' : s.location ? `${s.value} (${s.location})` : s.value),
    data: (s) => s.value,
    shrink: 12,
  },
  {header: 'Location', key: 'location', value: (s) => s.location, csvOnly: true},
  {header: 'Source', key: 'source', value: (s) => settingSourceLabel(s), data: (s) => s.source},
  {header: 'Meaning', value: (s) => settingKeys[s.key].description, priority: 1, shrink: 20, wrap: true},
]

export default class ConfigList extends BaseCommand<typeof ConfigList> {
  static summary =
    'List the settings in force for the profile, and where each comes from (flag, env, profile, default); secrets masked.'
  static examples = [
    '<%= config.bin %> config list',
    '<%= config.bin %> config list --profile prod --json',
    '<%= config.bin %> config list --csv',
  ]
  static flags = {...listFlags}

  async run(): Promise<ProfileSettings> {
    const result = listSettings(this.configStore(), this.context.profileName, {flags: this.flags})
    const {csv, wide} = this.flags
    if (!csv) this.note(`Profile "${result.profile}" (profiles: ${result.profiles.join(', ') || 'none yet'})`)
    // CSV is the profile's data: the meaning of each key is documentation, not data.
    this.log(
      renderList(csv ? columns.filter((c) => c.key) : columns, result.settings, {csv, wide, note: (m) => this.note(m)}),
    )
    return result
  }
}
