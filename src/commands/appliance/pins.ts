import {BaseCommand} from '../../cli/base-command.js'
import {renderTable} from '../../output/table.js'
import {formatWhen} from '../../output/time.js'
import {listAppliancePins, type AppliancePins} from '../../services/appliance/pins.js'

export default class AppliancePinsCommand extends BaseCommand<typeof AppliancePinsCommand> {
  static summary = 'List the appliance certificates the profile trusts (pinned on first use), by host.'
  static description =
    'Forget one with `ctx appliance forget --host <host>`: the next connection then shows the certificate and asks again.'
  static examples = ['<%= config.bin %> appliance pins', '<%= config.bin %> appliance pins --profile prod --json']

  async run(): Promise<AppliancePins> {
    const result = listAppliancePins(this.configStore(), this.context.profileName)
    if (result.pins.length === 0) {
      this.note(`No appliance certificate is pinned in profile "${result.profile}".`)
    } else {
      const now = new Date()
      this.log(
        renderTable(
          [
            {header: 'Host', value: (p) => p.host},
            {header: 'Fingerprint', value: (p) => p.fingerprint},
            {header: 'Trusted at', value: (p) => formatWhen(p.trustedAt, now)},
          ],
          result.pins,
        ),
      )
    }
    return result
  }
}
