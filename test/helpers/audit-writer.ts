// Appends one audit entry to the log named on the command line, as a removal does, and prints the
// exit code the error would give (0 when written): run under a file size limit by the audit tests.
import {appendAudit} from '../../src/services/audit-log.js'

const [path, id] = process.argv.slice(2) as [string, string]
try {
  await appendAudit(
    {
      time: '2026-11-24T10:00:00.000Z',
      action: 'remove',
      kind: 'product',
      profile: 'default',
      customer: 'acme',
      id,
      hostname: 'ls-01',
      product: 'Citrix License Server',
      result: 'removed',
    },
    path,
  )
  process.stdout.write('0\n')
} catch (error) {
  process.stdout.write(`${(error as {exitCode?: number}).exitCode ?? 1} ${(error as Error).message}\n`)
}
