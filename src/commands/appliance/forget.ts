import {Flags} from '@oclif/core'

import {BaseCommand} from '../../cli/base-command.js'
import {forgetAppliancePin, type ForgottenPin} from '../../services/appliance/pins.js'

export default class ApplianceForget extends BaseCommand<typeof ApplianceForget> {
  static summary =
    'Forget the pinned certificate of an appliance: the next connection shows the certificate and asks to trust it again.'
  static description =
    'For an appliance that was reinstalled or got a new certificate. A host that had no pin is not an error.'
  static examples = [
    '<%= config.bin %> appliance forget --host 10.0.0.5',
    '<%= config.bin %> appliance forget --host ca-01.corp.example:8443 --profile prod',
  ]
  static flags = {
    host: Flags.string({description: 'the appliance address (host or host:port; 443 when not given)', required: true}),
  }

  async run(): Promise<ForgottenPin> {
    const result = await forgetAppliancePin(this.configStore(), this.context.profileName, this.flags.host)
    this.note(
      result.forgotten
        ? `Forgot the pinned certificate of ${result.host} in profile "${result.profile}".`
        : `No certificate of ${result.host} was pinned in profile "${result.profile}": nothing to forget. See the pins with \`ctx appliance pins\`.`,
    )
    return result
  }
}
