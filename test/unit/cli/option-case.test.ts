import assert from 'node:assert/strict'
import {describe, it} from 'mocha'

import {canonicalOptionCase} from '../../../src/cli/option-case.js'
import {parseRegion} from '../../../src/config/settings.js'

const flags = {
  region: {type: 'option', options: ['us', 'eu']},
  type: {type: 'option', char: 't', options: ['windows', 'appliance']},
  sort: {type: 'option', options: ['items', 'Items']},
  name: {type: 'option'},
}

describe('canonicalOptionCase', () => {
  it('lower-cases a value of a lower-case option flag, spaced or with =', () => {
    assert.deepEqual(canonicalOptionCase(['--region', 'EU', '--type=Windows', '-t', 'APPLIANCE'], flags), [
      '--region',
      'eu',
      '--type=windows',
      '-t',
      'appliance',
    ])
  })

  it('leaves other flags, unknown values and everything after -- as typed', () => {
    assert.deepEqual(
      canonicalOptionCase(['--name', 'EU', '--sort', 'ITEMS', '--region', 'Mars', '--', '--region', 'EU'], flags),
      ['--name', 'EU', '--sort', 'ITEMS', '--region', 'Mars', '--', '--region', 'EU'],
    )
  })
})

describe('parseRegion', () => {
  it('takes CTX_REGION in any case (EU is eu)', () => {
    assert.equal(parseRegion('EU', 'CTX_REGION'), 'eu')
  })
})
