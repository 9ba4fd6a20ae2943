import assert from 'node:assert/strict'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {ExitCode, UsageError} from '../../../../src/errors.js'
import {parseSecureClientCsv, readSecureClientFile} from '../../../../src/services/auth/secure-client-file.js'
import {useTempConfig} from '../../../helpers/env.js'

describe('the secure client file', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => (temp = useTempConfig()))
  afterEach(() => temp.restore())

  it('reads the client id and secret from the ID,Secret columns Citrix Cloud writes', () => {
    assert.deepEqual(parseSecureClientCsv('ID,Secret\r\nabc-123,s3cr3t==\r\n', 'f.csv'), {
      clientId: 'abc-123',
      clientSecret: 's3cr3t==',
    })
  })

  it('accepts quoted fields, a byte-order mark and other column orders', () => {
    assert.deepEqual(parseSecureClientCsv('\uFEFF"Secret","ID"\n"a,""b""","id-9"\n', 'f.csv'), {
      clientId: 'id-9',
      clientSecret: 'a,"b"',
    })
  })

  it('refuses a CSV without the ID and Secret columns, with exit 2', () => {
    assert.throws(
      () => parseSecureClientCsv('name,value\nx,y\n', 'other.csv'),
      (error: UsageError) =>
        error.exitCode === ExitCode.usage && /other\.csv is not a Citrix Cloud secure client file/.test(error.message),
    )
  })

  it('refuses a missing file with exit 2, naming it', async () => {
    await assert.rejects(
      readSecureClientFile(join(temp.dir, 'nope.csv')),
      (error: UsageError) =>
        error.exitCode === ExitCode.usage && /nope\.csv cannot be read: ENOENT/.test(error.message),
    )
  })

  it('reads a file from disk', async () => {
    const path = join(temp.dir, 'secureclient.csv')
    writeFileSync(path, 'ID,Secret\nid-1,secret-1\n')
    assert.deepEqual(await readSecureClientFile(path), {clientId: 'id-1', clientSecret: 'secret-1'})
  })
})
