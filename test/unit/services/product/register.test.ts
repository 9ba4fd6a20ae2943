import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {UsageError} from '../../../../src/errors.js'
import {readAudit} from '../../../../src/services/audit-log.js'
import {parseRegistrationCode, registerProductByCode} from '../../../../src/services/product/register.js'
import {useTempConfig} from '../../../helpers/env.js'
import {fakeCustomerClient} from '../../../helpers/citrix.js'
import {mockToken, useNock} from '../../../helpers/nock.js'
import {productWire} from '../../../helpers/products.js'

const codePath = '/root/trust/v1/registrations/acme/codes/AB12CD34'
const pendingBody = {
  code: 'AB12CD34',
  status: 'Pending',
  service: 'LicenseServer',
  deviceInfo: productWire({}).deviceInfo,
  expiryTimestamp: '2026-11-24T10:15:00Z',
}
const audit = {profile: 'default', customer: 'acme'}

describe('product register service', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => (temp = useTempConfig()))
  afterEach(() => temp.restore())
  useNock()

  it('accepts a code in any case, with spaces or a dash', () => {
    assert.equal(parseRegistrationCode('ab12 cd-34'), 'AB12CD34')
  })

  it('refuses a malformed code with a usage error that shows what a code looks like', () => {
    assert.throws(
      () => parseRegistrationCode('AB12CD3'),
      (error: unknown) => error instanceof UsageError && /8 letters and digits/.test(error.hint ?? ''),
    )
    assert.throws(() => parseRegistrationCode('AB12CD3!'), UsageError)
  })

  it('looks up, confirms, registers and records the registration in the audit log', async () => {
    mockToken()
      .get(codePath)
      .reply(200, pendingBody)
      .post('/root/trust/v1/registrations/acme', {code: 'AB12CD34'})
      .reply(201, productWire({instanceID: 'new-id'}))
    let confirmed = ''
    const outcome = await registerProductByCode({
      client: await fakeCustomerClient(),
      code: 'ab12-cd34',
      audit,
      confirm: async (p) => ((confirmed = p.hostname), true),
    })
    assert.equal(confirmed, 'ls-01.corp.example')
    assert.ok(outcome.registered)
    assert.equal(outcome.product.id, 'new-id')
    const [entry] = await readAudit()
    assert.deepEqual(
      [entry?.action, entry?.id, entry?.result, entry?.hostname],
      ['register', 'new-id', 'registered', 'ls-01.corp.example'],
    )
  })

  it('registers nothing when the confirmation is declined', async () => {
    mockToken().get(codePath).reply(200, pendingBody)
    const outcome = await registerProductByCode({
      client: await fakeCustomerClient(),
      code: 'AB12CD34',
      audit,
      confirm: async () => false,
    })
    assert.equal(outcome.registered, false)
    assert.deepEqual(await readAudit(), [])
  })

  it('stops at the look-up with exit 6 when the code is unknown or expired', async () => {
    mockToken().get(codePath).reply(404, {
      type: 'https://errors-api.cloud.com/common/notFound',
      detail: 'Registration code not found or expired',
    })
    await assert.rejects(
      registerProductByCode({
        client: await fakeCustomerClient(),
        code: 'AB12CD34',
        audit,
        confirm: async () => assert.fail('asked'),
      }),
      {exitCode: 6},
    )
  })
})
