import {Args, Flags} from '@oclif/core'

import {BaseCommand} from '../../cli/base-command.js'
import type {ResourceLocationUpdate} from '../../services/resource-location/update.js'

export default class ResourceLocationUpdateCommand extends BaseCommand<typeof ResourceLocationUpdateCommand> {
  static summary = 'Rename a resource location, or change its connectivity or time zone.'
  static description =
    'Only what you give changes. A new name that another resource location has already is exit 7, before anything is changed.'
  static examples = [
    '<%= config.bin %> resource-location update "London DC" --name "London DC 2"',
    '<%= config.bin %> resource-location update 3f1c…a2 --no-internal-only --time-zone "W. Europe Standard Time"',
  ]
  static args = {location: Args.string({description: 'the resource location, by id or name', required: true})}
  static flags = {
    name: Flags.string({description: 'the new name'}),
    'internal-only': Flags.boolean({
      description: 'connectivity: internal network only (--no-internal-only: internet)',
      allowNo: true,
    }),
    'time-zone': Flags.string({description: 'time zone, as Citrix Cloud names it (such as "GMT Standard Time")'}),
  }

  async run(): Promise<ResourceLocationUpdate> {
    const {flags} = this
    const {changeResourceLocation} = await import('../../services/resource-location/update.js')
    const update = await changeResourceLocation(await this.citrix(), {
      location: this.args.location,
      name: flags.name,
      internalOnly: flags['internal-only'],
      timeZone: flags['time-zone'],
    })
    const {resourceLocation: l} = update
    if (update.changed.length === 0) this.note(`Nothing changed: "${l.name}" (${l.id}) has these values already.`)
    else this.note(`Updated ${update.changed.join(', ')} of the resource location ${l.id}.`)
    const {renderFields} = await import('../../output/table.js')
    this.log(
      renderFields([
        ['Name', l.name],
        ['Id', l.id],
        ['Internal only', l.internalOnly ? 'yes' : 'no'],
        ['Time zone', l.timeZone],
      ]),
    )
    return update
  }
}
