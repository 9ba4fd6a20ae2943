import {BaseCommand} from '../../cli/base-command.js'
import type {ResourceLocation} from '../../citrix/resource-locations.js'
import {listFlags} from '../../cli/list-flags.js'
import {renderList} from '../../output/list-format.js'
import type {Column} from '../../output/table.js'
import {listResourceLocationsByName} from '../../services/resource-location/list.js'

export interface ResourceLocationListResult {
  resourceLocations: ResourceLocation[]
}

const columns: Array<Column<ResourceLocation>> = [
  {header: 'Name', key: 'name', value: (l) => l.name, shrink: 16},
  {header: 'Id', key: 'id', value: (l) => l.id},
  {header: 'Time zone', key: 'timeZone', value: (l) => l.timeZone, priority: 2, shrink: 12},
  {
    header: 'Internal only',
    key: 'internalOnly',
    value: (l) => (l.internalOnly ? 'yes' : 'no'),
    data: (l) => l.internalOnly,
    priority: 1,
  },
]

export default class ResourceLocationList extends BaseCommand<typeof ResourceLocationList> {
  static summary = 'List the resource locations of the customer (their ids are needed to register an appliance).'
  static examples = [
    '<%= config.bin %> resource-location list',
    '<%= config.bin %> resource-location list --sandbox --json',
  ]
  static flags = {...listFlags}

  async run(): Promise<ResourceLocationListResult> {
    const locations = await listResourceLocationsByName(await this.citrix())
    if (locations.length === 0 && !this.flags.csv)
      this.note('No resource locations. Create one with `ctx resource-location create --name <name>`.')
    else
      this.log(renderList(columns, locations, {csv: this.flags.csv, wide: this.flags.wide, note: (m) => this.note(m)}))
    return {resourceLocations: locations}
  }
}
