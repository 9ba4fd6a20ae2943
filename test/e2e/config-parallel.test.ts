import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {useTempConfig} from '../helpers/env.js'
import {runBin, type BinResult} from '../helpers/run-bin.js'

// Enough ctx processes at once to overlap their writes, few enough for a 2-core machine.
const profiles = Array.from({length: 32}, (_, i) => `p${i}`)
const concurrency = 16

/** Runs `run` for every item, at most `concurrency` at a time; results in the items' order. */
async function inParallel<T>(items: string[], run: (item: string) => Promise<T>): Promise<T[]> {
  const results: T[] = []
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await run(items[index]!)
    }
  }
  await Promise.all(Array.from({length: concurrency}, worker))
  return results
}

function savedProfiles(dir: string): Record<string, Record<string, unknown>> {
  return (
    JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as {profiles: Record<string, Record<string, unknown>>}
  ).profiles
}

function assertAllSucceeded(results: BinResult[]): void {
  for (const [i, result] of results.entries()) {
    assert.equal(result.code, 0, `${profiles[i]}: ${result.stderr}`)
    assert.match(result.stderr, /Saved/)
  }
}

describe('e2e: parallel ctx runs writing config.json', function () {
  this.timeout(120_000)
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => (temp = useTempConfig()))
  afterEach(() => temp.restore())

  it('keeps every profile of parallel `config set` runs on different profiles', async () => {
    const results = await inParallel(profiles, (profile) =>
      runBin(['config', 'set', 'region', 'eu', '--profile', profile]),
    )
    assertAllSucceeded(results)
    const saved = savedProfiles(temp.dir)
    const lost = profiles.filter((profile) => saved[profile]?.region !== 'eu')
    assert.deepEqual(lost, [], `${lost.length} of ${profiles.length} profiles lost`)
  })

  it('keeps the ids and the secret of every profile of parallel `auth login` runs', async () => {
    const results = await inParallel(profiles, (profile) =>
      runBin(
        [
          'auth',
          'login',
          '--no-verify',
          '--customer-id',
          `customer-${profile}`,
          '--client-id',
          `client-${profile}`,
          '--client-secret-stdin',
          '--profile',
          profile,
        ],
        {input: `secret-${profile}\n`},
      ),
    )
    assertAllSucceeded(results)
    const saved = savedProfiles(temp.dir)
    const incomplete = profiles.filter((profile) => {
      const stored = saved[profile]
      return (
        stored?.['customer-id'] !== `customer-${profile}` ||
        stored['client-id'] !== `client-${profile}` ||
        stored['client-secret'] !== `secret-${profile}`
      )
    })
    assert.deepEqual(incomplete, [], `${incomplete.length} of ${profiles.length} profiles lost or incomplete`)
  })
})
