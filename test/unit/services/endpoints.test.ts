import assert from 'node:assert/strict'
import {describe, it} from 'mocha'

import {listEndpoints} from '../../../src/services/endpoints.js'

describe('listEndpoints', () => {
  it('names the host, path and token protocol of every row for the global host', () => {
    const {endpoints} = listEndpoints({})
    const byName = new Map(endpoints.map((e) => [e.name, e]))
    assert.deepEqual(byName.get('licenseServers'), {
      name: 'licenseServers',
      method: 'GET',
      host: 'licensing.citrixworkspacesapi.net',
      path: '/{customerId}/licenseservers',
      protocol: 'cws',
      mark: 'seen',
    })
    assert.equal(byName.get('token')?.host, 'api.cloud.com')
    assert.equal(byName.get('applianceLogin')?.host, '{appliance-host}')
  })

  it('shows Gov hosts, and no host where Citrix publishes none in Gov', () => {
    const byName = new Map(listEndpoints({region: 'gov'}).endpoints.map((e) => [e.name, e]))
    assert.deepEqual(
      [
        byName.get('listResourceLocations')?.host,
        byName.get('listResourceLocations')?.path,
        byName.get('listResourceLocations')?.protocol,
      ],
      ['registry.citrixworkspacesapi.us', '/{customerId}/resourcelocations', 'cws'],
    )
    assert.equal(byName.get('cwsToken')?.host, 'trust.citrixworkspacesapi.us')
    assert.equal(byName.get('listRegisteredProducts')?.host, null)
    assert.equal(byName.get('licenseCurrentUsage')?.host, null)
  })
})
