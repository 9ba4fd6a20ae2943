import {Flags} from '@oclif/core'

/** The flags of every list: CSV for scripts, the whole table for a wide look at a narrow terminal. */
export const listFlags = {
  csv: Flags.boolean({
    description: 'CSV (headers as the --json fields, ISO-8601 UTC times, raw numbers) instead of a table',
    exclusive: ['json'],
  }),
  wide: Flags.boolean({
    description: 'the whole table, however wide the terminal (ids in full)',
    exclusive: ['json', 'csv'],
  }),
}
