import {Flags} from '@oclif/core'

import {ApplianceCommand} from '../../cli/appliance-command.js'
import {TimedOutError} from '../../errors.js'
import type {ApplianceStatus} from '../../services/appliance/status.js'

export default class ApplianceStatusCommand extends ApplianceCommand<typeof ApplianceStatusCommand> {
  static summary = 'Show whether a Connector Appliance is registered with Citrix Cloud, and its pending code if any.'
  static examples = [
    '<%= config.bin %> appliance status --host 10.0.0.5',
    '<%= config.bin %> appliance status --host 10.0.0.5 --expect registered --json',
  ]
  static flags = {
    ...ApplianceCommand.applianceFlags,
    expect: Flags.string({description: 'exit 9 unless the appliance is in this state', options: ['registered']}),
  }

  async run(): Promise<ApplianceStatus> {
    const {readApplianceStatus} = await import('../../services/appliance/status.js')
    const status = await readApplianceStatus(await this.appliance())
    if (this.flags.expect === 'registered' && status.status !== 'Registered') {
      throw new TimedOutError(
        `The appliance ${status.host} is not registered${status.code ? ` (code ${status.code} pending until ${status.expiryTimestamp})` : ''}.`,
        {
          hint: `Register it with \`ctx appliance register --host ${status.host}\`.`,
        },
      )
    }
    this.log(status.status)
    if (status.code) this.log(`Pending code ${status.code}, expires ${status.expiryTimestamp}`)
    return status
  }
}
