import assert from 'node:assert/strict'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, it} from 'mocha'

import nock from 'nock'

import {endpoints} from '../../../src/citrix/endpoints.js'
import {ConfigError, ExitCode, UnavailableError} from '../../../src/errors.js'
import {createHttpClient, readCaBundle, timeoutsFor} from '../../../src/http/client.js'
import {redactBody, redactSecrets, registerSecret} from '../../../src/http/redact.js'
import {makeApplianceCertificate} from '../../../src/sandbox/appliance/certificate.js'
import {fakeApplianceClient, testAppliance} from '../../helpers/appliance.js'
import {clientFor} from '../../helpers/citrix.js'
import {useTempConfig} from '../../helpers/env.js'
import {fakeCredentialsEnv, mockToken, testApi, useNock} from '../../helpers/nock.js'

// Issue 15, items 7 to 10, 20 and 21, at the unit level: paging budgets, body limits, timeouts,
// secret values, CA bundles and appliance redirects.

const products = '/root/trust/v1/registeredproducts/acme'

describe('hostile answers, unit', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => (temp = useTempConfig()))
  afterEach(() => temp.restore())

  describe('paging (item 7)', () => {
    useNock()

    async function drain(): Promise<number> {
      const client = await clientFor(fakeCredentialsEnv(), 0)
      let pages = 0
      for await (const _ of client.pages(endpoints.listRegisteredProducts, {limit: 2})) pages++
      return pages
    }

    it('stops at a repeated token with exit 8', async () => {
      mockToken()
        .get(products)
        .query(true)
        .times(2)
        .reply(200, {items: [{}], continuationToken: 'same'})
      await assert.rejects(
        drain(),
        (error: UnavailableError) => error.exitCode === ExitCode.unavailable && /handed out before/.test(error.message),
      )
    })

    it('stops when the pages outnumber what the reply’s own count needs', async () => {
      let n = 0
      mockToken()
        .get(products)
        .query(true)
        .times(3)
        .reply(200, () => ({items: [{}, {}], totalCount: 3, continuationToken: `t${n++}`}))
      await assert.rejects(
        drain(),
        (error: UnavailableError) =>
          error.exitCode === ExitCode.unavailable && /3 items in pages of 2 need 2/.test(error.message),
      )
    })

    it('stops after ten empty pages that still carry a token', async () => {
      let n = 0
      mockToken()
        .get(products)
        .query(true)
        .times(10)
        .reply(200, () => ({items: [], continuationToken: `t${n++}`}))
      await assert.rejects(drain(), /10 pages in a row had no items/)
    })

    it('still follows a list to its end', async () => {
      mockToken()
        .get(products)
        .query(true)
        .reply(200, {items: [{}, {}], totalCount: 3, continuationToken: 'a'})
        .get(products)
        .query(true)
        .reply(200, {items: [{}], totalCount: 3, continuationToken: null})
      assert.equal(await drain(), 2)
    })
  })

  describe('bodies and timeouts (items 8 and 9)', () => {
    useNock()

    it('cancels a body past the limit by its declared length, with exit 8 naming the call', async () => {
      mockToken()
        .get('/resourcelocations')
        .reply(200, '{}', {'content-type': 'application/json', 'content-length': String(100 * 1024 * 1024)})
      const client = await clientFor(fakeCredentialsEnv(), 0)
      await assert.rejects(
        client.call(endpoints.listResourceLocations),
        (error: UnavailableError) =>
          error.exitCode === 8 &&
          /GET api\.test\.example\/resourcelocations was answered with a body larger than 8 MB/.test(error.message),
      )
    })

    it('reports HTML with status 200 as exit 8 naming the content type', async () => {
      mockToken().get('/resourcelocations').reply(200, '<html>\u001B[2Jlogin</html>', {'content-type': 'text/html'})
      const client = await clientFor(fakeCredentialsEnv(), 0)
      await assert.rejects(
        client.call(endpoints.listResourceLocations),
        (error: UnavailableError) =>
          error.exitCode === 8 && error.message.includes('(content type text/html): "<html> [2Jlogin</html>"'),
      )
    })

    it('sets an idle-socket and an overall limit on every request, capped by CTX_REQUEST_TIMEOUT_MS', () => {
      assert.deepEqual(timeoutsFor(), {connect: 10_000, response: 60_000, socket: 30_000, request: 120_000})
      assert.deepEqual(timeoutsFor(500), {connect: 500, response: 500, socket: 500, request: 500})
    })

    it('ends a request that stalls with exit 8', async () => {
      nock(testApi).get('/stall').delay(2000).reply(200, '{}')
      const http = createHttpClient({maxRetries: 0, requestTimeoutMs: 200})
      const {errorFromGot} = await import('../../../src/citrix/errors.js')
      await assert.rejects(
        http(`${testApi}/stall`).catch((error: unknown) => {
          throw errorFromGot(error, `${testApi}/stall`)
        }),
        (error: UnavailableError) => error.exitCode === 8 && /stopped answering/.test(error.message),
      )
    })
  })

  describe('secret values (item 10)', () => {
    it('redacts a known value under any key, in JSON, form and plain text, before cutting', () => {
      registerSecret('s3cr3t/value+x')
      assert.equal(redactSecrets('detail: s3cr3t/value+x was wrong'), 'detail: [redacted] was wrong')
      assert.equal(redactSecrets('client_id=a&note=s3cr3t%2Fvalue%2Bx'), 'client_id=a&note=[redacted]')
      assert.equal(redactBody(JSON.stringify({echo: 'got s3cr3t/value+x'})), '{"echo":"got [redacted]"}')
      assert.equal(redactBody(`${'x'.repeat(1995)}s3cr3t/value+x`).includes('s3cr'), false)
    })

    it('leaves short values alone, which would match ordinary text', () => {
      registerSecret('abc')
      assert.equal(redactSecrets('abc'), 'abc')
    })
  })

  describe('CA bundles (item 20)', () => {
    for (const [what, text] of [
      ['empty', ''],
      ['garbage', 'not a certificate at all'],
      ['a key, no certificate', '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n'],
      ['a broken certificate', '-----BEGIN CERTIFICATE-----\nbm9wZQ==\n-----END CERTIFICATE-----\n'],
    ] as Array<[string, string]>) {
      it(`refuses a bundle that is ${what} with exit 3, before any request`, () => {
        const path = join(temp.dir, 'bundle.pem')
        writeFileSync(path, text)
        assert.throws(
          () => createHttpClient({maxRetries: 0, caBundle: path}),
          (error: ConfigError) => error.exitCode === ExitCode.config && error.message.includes('is not usable'),
        )
      })
    }

    it('takes a bundle of real certificates', async () => {
      const path = join(temp.dir, 'good.pem')
      const {certificatePem: cert} = await makeApplianceCertificate('ca.test')
      writeFileSync(path, cert)
      assert.ok(
        readCaBundle(path).includes(cert.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/)![0]),
      )
    })
  })

  describe('appliance redirects (item 21)', () => {
    useNock()

    for (const status of [302, 307]) {
      it(`refuses a ${status} from the appliance's $login with exit 8 naming the host, the password going nowhere else`, async () => {
        const {client} = fakeApplianceClient()
        nock(testAppliance).post('/$login').reply(status, '', {location: 'https://attacker.example/$login'})
        const attacker = nock('https://attacker.example').post('/$login').reply(200, {token: 'evil', expiresIn: 900})
        await assert.rejects(
          client.login('appliance-pw-123'),
          (error: UnavailableError) =>
            error.exitCode === 8 &&
            error.message.includes('ca.test:4443') &&
            error.message.includes('attacker.example'),
        )
        assert.ok(!attacker.isDone(), 'the redirect was followed')
        nock.cleanAll()
      })
    }
  })
})
