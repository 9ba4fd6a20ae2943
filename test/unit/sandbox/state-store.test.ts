import assert from 'node:assert/strict'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterEach, beforeEach, describe, it} from 'mocha'

import {defaultSettings} from '../../../src/sandbox/state/settings.js'
import {SandboxStore} from '../../../src/sandbox/state/store.js'

describe('SandboxStore', () => {
  let dir: string
  let store: SandboxStore
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ctx-store-'))
    store = new SandboxStore(dir)
    await store.open(defaultSettings({sizes: {products: 20}}))
  })
  afterEach(() => rmSync(dir, {recursive: true, force: true}))

  it('applies concurrent changes, each once, and saves them all', async () => {
    const ids = (await store.read()).registeredProducts.map((p) => p.instanceID)
    const results = await Promise.all(
      ids.map((id) =>
        store.update((state) => {
          state.registeredProducts = state.registeredProducts.filter((p) => p.instanceID !== id)
          return id
        }),
      ),
    )
    assert.deepEqual(results, ids)
    assert.equal((await store.read()).registeredProducts.length, 0)
    const saved = JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')) as {registeredProducts: unknown[]}
    assert.deepEqual(saved.registeredProducts, [])
  })

  it('rejects a change that throws, and still applies the others of the same batch', async () => {
    const [first, second] = (await store.read()).registeredProducts.map((p) => p.instanceID)
    const remove = (id: string | undefined) =>
      store.update((state) => {
        state.registeredProducts = state.registeredProducts.filter((p) => p.instanceID !== id)
      })
    const outcomes = await Promise.allSettled([
      remove(first),
      store.update((state) => {
        state.registeredProducts = []
        throw new Error('half-way')
      }),
      remove(second),
    ])
    assert.deepEqual(
      outcomes.map((o) => o.status),
      ['fulfilled', 'rejected', 'fulfilled'],
    )
    assert.equal((await store.read()).registeredProducts.length, 18)
  })

  it('never changes a state a reader already holds', async () => {
    const before = await store.read()
    const count = before.registeredProducts.length
    await store.update((state) => void state.registeredProducts.pop())
    assert.equal(before.registeredProducts.length, count)
    assert.equal((await store.read()).registeredProducts.length, count - 1)
  })
})
