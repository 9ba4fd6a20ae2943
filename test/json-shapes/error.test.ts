import {afterEach, beforeEach, describe, it} from 'mocha'

import {useTempConfig} from '../helpers/env.js'
import {expectJsonShape, runJson} from '../helpers/json-shape.js'
import {fakeCredentialsEnv, mockToken, useNock} from '../helpers/nock.js'

describe('locked --json shapes: the error document', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => (temp = useTempConfig()))
  afterEach(() => temp.restore())
  useNock()

  it('{error: …} of every failing command: a Citrix error (status, detail, transaction id), a usage error and missing credentials', async () => {
    Object.assign(process.env, fakeCredentialsEnv())
    mockToken()
      .get('/licensing/license/enterprise/cloud/daasazure/ud/current')
      .reply(
        404,
        {type: 'https://errors-api.cloud.com/licensing/notFound', detail: 'Not entitled'},
        {'Citrix-TransactionId': 'txn-42'},
      )
    const citrix = await runJson(['license', 'summary', '--product', 'daas-azure'], {exit: 6})
    const usage = await runJson(['license', 'summary', '--view', 'reseller'], {exit: 2})
    delete process.env.CTX_CLIENT_SECRET
    const credentials = await runJson(['resource-location', 'list'], {exit: 3})
    expectJsonShape('error', citrix, usage, credentials)
  })
})
