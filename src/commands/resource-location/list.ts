import {Flags} from '@oclif/core'

import {BaseCommand} from '../../cli/base-command.js'
import type {ResourceLocation} from '../../citrix/resource-locations.js'
import {renderList} from '../../output/list-format.js'
import type {Column} from '../../output/table.js'
import {listResourceLocationsByName} from '../../services/resource-location/list.js'

export interface ResourceLocationListResult {
  resourceLocations: ResourceLocation[]
}

const columns: Array<Column<ResourceLocation>> = [
  {header: 'Name', value: (l) => l.name},
  {header: 'Id', value: (l) => l.id},
  {header: 'Time zone', value: (l) => l.timeZone},
  {header: 'Internal only', value: (l) => (l.internalOnly ? 'yes' : 'no')},
]

export default class ResourceLocationList extends BaseCommand<typeof ResourceLocationList> {
  static summary = 'List the resource locations of the customer (their ids are needed to register an appliance).'
  static examples = ['<%= config.bin %> resource-location list', '<%= config.bin %> resource-location list --sandbox --json']
  static flags = {csv: Flags.boolean({description: 'CSV instead of a table', exclusive: ['json']})}

  async run(): Promise<ResourceLocationListResult> {
    const locations = await listResourceLocationsByName(await this.citrix())
    if (locations.length === 0) this.note('No resource locations. Create one with `ctx resource-location create --name <name>`.')
    else this.log(renderList(columns, locations, {csv: this.flags.csv}))
    return {resourceLocations: locations}
  }
}
