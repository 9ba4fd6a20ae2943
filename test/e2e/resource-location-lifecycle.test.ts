import assert from 'node:assert/strict'
import {describe, it} from 'mocha'

import {readAudit} from '../../src/services/audit-log.js'
import {startDataSandbox} from '../helpers/data-sandbox.js'
import {runBin} from '../helpers/run-bin.js'
import {useSandboxSuite, type TestSandbox} from '../helpers/sandbox.js'

const day = 86_400_000

/** A seeded location with its connectors, and those of them ctx removes only when named (contact within 24h, or Connected). */
async function locationWithConnectors(sandbox: TestSandbox, name = 'London DC') {
  const state = await sandbox.store.read()
  const location = state.resourceLocations.find((l) => l.name === name)!
  const connectors = state.connectors.filter((c) => c.location === location.id)
  const recent = connectors.filter(
    (c) => c.status === 'Connected' || c.lastContactDate === null || Date.now() - Date.parse(c.lastContactDate) <= day,
  )
  return {location, connectors, named: recent.flatMap((c) => ['--connector', c.id])}
}

const calls = (sandbox: TestSandbox, method: string, prefix: string) =>
  sandbox.log.all().filter((r) => r.method === method && r.url.startsWith(prefix))

describe('e2e: ctx resource-location create, update and delete against the sandbox', () => {
  const suite = useSandboxSuite({each: true, start: () => startDataSandbox()})

  it('creates a location and prints its id; a taken name is exit 7 with no create call', async () => {
    const {sandbox} = suite
    const created = await runBin(
      ['resource-location', 'create', '--name', 'Branch 12', '--internal-only', '--time-zone', 'GMT Standard Time'],
      {env: sandbox.env},
    )
    assert.equal(created.code, 0, created.stderr)
    const id = created.stdout.trim()
    const location = (await sandbox.store.read()).resourceLocations.find((l) => l.id === id)
    assert.deepEqual(location, {
      id,
      name: 'Branch 12',
      internalOnly: true,
      timeZone: 'GMT Standard Time',
      readOnly: false,
    })
    const request = calls(sandbox, 'POST', '/resourcelocations')[0]
    assert.equal(request?.contentType, 'application/json')

    const taken = await runBin(['resource-location', 'create', '--name', 'branch 12', '--json'], {env: sandbox.env})
    assert.equal(taken.code, 7)
    const {error} = JSON.parse(taken.stdout) as {error: {exitCode: number; message: string}}
    assert.equal(error.exitCode, 7)
    assert.match(error.message, /already named "Branch 12"/)
    assert.equal(calls(sandbox, 'POST', '/resourcelocations').length, 1, 'no second create call')
  })

  it('updates a location by name: rename, connectivity and time zone', async () => {
    const {sandbox} = suite
    const result = await runBin(
      [
        'resource-location',
        'update',
        'Singapore',
        '--name',
        'Singapore DC',
        '--internal-only',
        '--time-zone',
        'UTC',
        '--json',
      ],
      {env: sandbox.env},
    )
    assert.equal(result.code, 0, result.stderr)
    assert.deepEqual((JSON.parse(result.stdout) as {changed: string[]}).changed, ['name', 'internalOnly', 'timeZone'])
    const location = (await sandbox.store.read()).resourceLocations.find((l) => l.name === 'Singapore DC')
    assert.deepEqual([location?.internalOnly, location?.timeZone], [true, 'UTC'])
    assert.equal(calls(sandbox, 'PUT', '/resourcelocations/').length, 1)
  })

  it('deletes an empty location with --yes, and exits 6 for it afterwards', async () => {
    const {sandbox} = suite
    const id = (await runBin(['resource-location', 'create', '--name', 'Lab'], {env: sandbox.env})).stdout.trim()
    const result = await runBin(['resource-location', 'delete', 'Lab', '--yes'], {env: sandbox.env})
    assert.equal(result.code, 0, result.stderr)
    assert.ok(!(await sandbox.store.read()).resourceLocations.some((l) => l.id === id))
    assert.equal((await runBin(['resource-location', 'delete', id, '--yes'], {env: sandbox.env})).code, 6)
  })

  it('asks to confirm: without a terminal and --yes it exits 2 and deletes nothing', async () => {
    const {sandbox} = suite
    await runBin(['resource-location', 'create', '--name', 'Lab'], {env: sandbox.env})
    const result = await runBin(['resource-location', 'delete', 'Lab'], {env: sandbox.env})
    assert.equal(result.code, 2)
    assert.match(result.stderr, /Pass --yes/)
    assert.deepEqual(calls(sandbox, 'DELETE', '/resourcelocations'), [])
  })

  it('refuses while connectors remain: exit 7 naming each and the next command, no DELETE call', async () => {
    const {sandbox} = suite
    const {location, connectors} = await locationWithConnectors(sandbox)
    const before = await sandbox.store.read()
    const result = await runBin(['resource-location', 'delete', 'London DC', '--yes'], {env: sandbox.env})
    assert.equal(result.code, 7)
    for (const c of connectors) assert.match(result.stderr, new RegExp(`${c.fqdn} \\(${c.id}`))
    assert.match(result.stderr, new RegExp(`ctx resource-location delete ${location.id} --with-connectors`))
    assert.deepEqual(
      sandbox.log.all().filter((r) => r.method === 'DELETE'),
      [],
    )
    assert.deepEqual(await sandbox.store.read(), before)
  })

  it('--with-connectors --dry-run shows both steps and changes nothing', async () => {
    const {sandbox} = suite
    const {connectors, named} = await locationWithConnectors(sandbox)
    const before = await sandbox.store.read()
    const result = await runBin(
      ['resource-location', 'delete', 'London DC', '--with-connectors', '--dry-run', ...named],
      {env: sandbox.env},
    )
    assert.equal(result.code, 0, result.stderr)
    assert.equal(result.stdout.match(/would remove/g)?.length, connectors.length)
    assert.match(result.stderr, /then the resource location "London DC" .* would be deleted; nothing was changed/)
    assert.deepEqual(
      sandbox.log.all().filter((r) => r.method === 'DELETE'),
      [],
    )
    assert.deepEqual(await sandbox.store.read(), before)
  })

  it('--with-connectors --yes under injected 503s: every connector reported and audited, the location goes', async () => {
    const {sandbox} = suite
    const {location, connectors, named} = await locationWithConnectors(sandbox)
    assert.equal((await runBin(['resource-location', 'list'], {env: sandbox.env})).code, 0) // caches the token: the token POST is never retried
    sandbox.faults.set({
      retryAfterSeconds: 0,
      routes: [
        {method: 'DELETE', path: '/connectors/', status: 503, count: 2},
        {method: 'DELETE', path: '/resourcelocations/', status: 503, count: 1},
      ],
    })
    const result = await runBin(
      ['resource-location', 'delete', 'London DC', '--with-connectors', '--yes', '--json', ...named],
      {env: sandbox.env},
    )
    assert.equal(result.code, 0, result.stderr)
    const deletion = JSON.parse(result.stdout) as {
      result: string
      connectorRemoval: {items: Array<{id: string; result: string}>}
    }
    assert.equal(deletion.result, 'deleted')
    assert.deepEqual(deletion.connectorRemoval.items.map((i) => i.id).sort(), connectors.map((c) => c.id).sort())
    assert.ok(deletion.connectorRemoval.items.every((i) => i.result === 'removed'))
    assert.equal(sandbox.log.all().filter((r) => r.status === 503).length, 3, 'faults were injected and retried')
    const audit = await readAudit(`${sandbox.env.CTX_DATA_DIR}/audit.jsonl`)
    assert.deepEqual(audit.map((e) => e.id).sort(), connectors.map((c) => c.id).sort())
    assert.ok(audit.every((e) => e.kind === 'connector' && e.result === 'removed'))
    const state = await sandbox.store.read()
    assert.ok(!state.resourceLocations.some((l) => l.id === location.id))
    assert.ok(!state.connectors.some((c) => c.location === location.id))
  })

  it('when 503s outlast the retries: exit 10 naming each failure, the location stays, and a re-run finishes the job', async () => {
    const {sandbox} = suite
    const {location, connectors, named} = await locationWithConnectors(sandbox)
    assert.ok(connectors.length >= 2)
    assert.equal((await runBin(['resource-location', 'list'], {env: sandbox.env})).code, 0) // caches the token
    sandbox.faults.set({
      retryAfterSeconds: 0,
      routes: [{method: 'DELETE', path: '/connectors/', status: 503, count: 2}],
    })
    const args = ['resource-location', 'delete', 'London DC', '--with-connectors', '--yes', ...named]
    const first = await runBin([...args, '--max-retries', '0', '--concurrency', '1'], {env: sandbox.env})
    assert.equal(first.code, 10, first.stderr)
    assert.match(
      first.stderr,
      new RegExp(
        `2 of ${connectors.length} could not be removed: ${connectors[0]!.id} \\(${connectors[0]!.fqdn}\\): Citrix Cloud answered 503`,
      ),
    )
    assert.match(first.stderr, /The resource location was kept/)
    assert.equal(first.stdout.match(/^│ (removed|FAILED) /gm)?.length, connectors.length, first.stdout)
    assert.ok((await sandbox.store.read()).resourceLocations.some((l) => l.id === location.id))
    const firstAudit = await readAudit(`${sandbox.env.CTX_DATA_DIR}/audit.jsonl`)
    assert.deepEqual(
      firstAudit.map((e) => e.id).sort(),
      connectors.map((c) => c.id).sort(),
      'every connector is in the audit log',
    )
    assert.equal(firstAudit.filter((e) => e.result === 'failed').length, 2)

    const second = await runBin(args, {env: sandbox.env})
    assert.equal(second.code, 0, second.stderr)
    assert.match(second.stderr, /Removed 2, not found \d+, failed 0/)
    assert.match(second.stderr, /Deleted the resource location "London DC"/)
    const state = await sandbox.store.read()
    assert.ok(!state.resourceLocations.some((l) => l.id === location.id))
    assert.ok(!state.connectors.some((c) => c.location === location.id))
  })
})
