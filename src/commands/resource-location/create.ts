import {Flags} from '@oclif/core'

import {BaseCommand} from '../../cli/base-command.js'
import type {ResourceLocation} from '../../citrix/resource-locations.js'

export default class ResourceLocationCreate extends BaseCommand<typeof ResourceLocationCreate> {
  static summary = 'Create a resource location and print its id.'
  static description =
    'The id goes to stdout alone, for scripts (`--json` gives the whole location). A name that another resource location has already (in any case) is exit 7, before anything is created.'
  static examples = [
    '<%= config.bin %> resource-location create --name "London DC"',
    '<%= config.bin %> resource-location create --name "Remote Workers" --internal-only --time-zone "GMT Standard Time" --json',
    'id=$(<%= config.bin %> resource-location create --name Lab) && <%= config.bin %> appliance register --host 10.0.0.5 --name ca-01 --resource-location "$id" --accept',
  ]
  static flags = {
    name: Flags.string({
      description: 'the name (unique among your resource locations; asked on a terminal when missing)',
    }),
    'internal-only': Flags.boolean({description: 'connectivity: internal network only'}),
    'time-zone': Flags.string({description: 'time zone, as Citrix Cloud names it (such as "GMT Standard Time")'}),
  }

  async run(): Promise<ResourceLocation> {
    const {flags} = this
    const name =
      flags.name ??
      (await (
        await import('../../output/prompt.js')
      ).promptText({message: 'Name of the new resource location', flag: '--name'}))
    const {addResourceLocation} = await import('../../services/resource-location/create.js')
    const location = await addResourceLocation(await this.citrix(), {
      name,
      internalOnly: flags['internal-only'] || undefined,
      timeZone: flags['time-zone'],
    })
    this.log(location.id)
    this.note(
      `Created the resource location "${location.name}" (${location.internalOnly ? 'internal only' : 'internet'}, time zone ${location.timeZone || 'unset'}).`,
    )
    return location
  }
}
