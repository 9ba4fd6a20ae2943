import assert from 'node:assert/strict'
import {describe, it} from 'mocha'

import {toLicenseServerHealth, toPartnerOnPremFigures} from '../../../src/citrix/licensing.js'

const healthy = {
  hostID: 'h1',
  fqdn: 'lic-01.example',
  isPhoningHome: true,
  lastPhoningHomeTime: '2026-11-24T06:00:00Z',
  isEverReported: true,
  isFoundInBackOffice: true,
  isNonCspLicenseInstalled: false,
  isCcu: false,
  isExpired: false,
  daysToExpire: 300,
  licenseExpirationDate: '2027-09-20T00:00:00Z',
  isCompliant: true,
  isLicenseServerFree: false,
}

describe('partner on-premises data [seen]: license servers and License Usage Insights', () => {
  it('finds a healthy server not stale and with no issues', () => {
    assert.deepEqual([toLicenseServerHealth(healthy).stale, toLicenseServerHealth(healthy).issues], [false, []])
  })

  it('names each problem and says since when a server stopped phoning home', () => {
    const server = toLicenseServerHealth({
      ...healthy,
      isPhoningHome: false,
      lastPhoningHomeTime: '2026-10-01T00:00:00Z',
      isCompliant: false,
      isFoundInBackOffice: false,
      daysToExpire: 45,
    })
    assert.deepEqual(server.issues, [
      'not phoning home since 2026-10-01',
      'not in back office',
      'expires in 45 days',
      'non-compliant',
    ])
    assert.equal(server.stale, true)
  })

  it('calls a server that never reported stale, and an expired one', () => {
    assert.deepEqual(
      toLicenseServerHealth({...healthy, isEverReported: false, isPhoningHome: false, lastPhoningHomeTime: null})
        .issues,
      ['never reported'],
    )
    assert.deepEqual(toLicenseServerHealth({...healthy, isExpired: true, daysToExpire: -3}).issues, ['expired'])
  })

  it('shows non-CSP licenses and concurrent licensing without making the server stale', () => {
    const server = toLicenseServerHealth({...healthy, isNonCspLicenseInstalled: true, isCcu: true})
    assert.deepEqual([server.issues, server.stale], [['non-CSP licenses', 'concurrent'], false])
  })

  it('tolerates a server with nothing but a host id', () => {
    const server = toLicenseServerHealth({hostID: 'only-id'})
    assert.deepEqual([server.fqdn, server.stale, server.phoningHome], ['only-id', false, null])
  })

  it('sums total, paid (count − free) and free users per edition and in total, and counts distinct fqdns', () => {
    const usage = (fqdn: string, count: number, free: number) => ({
      fqdn,
      count,
      freeUsersCount: free,
      isLicenseServerFree: false,
    })
    const figures = toPartnerOnPremFigures('2026-10', {
      skus: [
        {
          skuId: 'a',
          features: [
            {
              featureID: 'XDT_PLT_UD',
              featureDescription: 'Premium',
              count: 100,
              freeUsersCount: 10,
              licenseServerUsages: [usage('LIC-1.example', 60, 5), usage('lic-2.example', 40, 5)],
            },
          ],
        },
        {
          skuId: 'b',
          features: [
            {
              featureID: 'XDT_PLT_UD',
              featureDescription: 'Premium',
              count: 20,
              freeUsersCount: 0,
              licenseServerUsages: [usage('lic-1.example', 20, 0)],
            },
            {
              featureID: 'XDT_STD_UD',
              featureDescription: 'VDI Edition',
              count: 7,
              freeUsersCount: 7,
              licenseServerUsages: [usage('lic-3.example', 7, 7)],
            },
          ],
        },
      ],
    })
    assert.deepEqual(figures, {
      month: '2026-10',
      hasData: true,
      totalUsers: 127,
      paidUsers: 110,
      freeUsers: 17,
      licenseServers: 3,
      editions: [
        {edition: 'Premium', featureId: 'XDT_PLT_UD', totalUsers: 120, paidUsers: 110, freeUsers: 10},
        {edition: 'VDI Edition', featureId: 'XDT_STD_UD', totalUsers: 7, paidUsers: 0, freeUsers: 7},
      ],
    })
  })

  it('says there is no data for a month without SKUs', () => {
    assert.deepEqual(toPartnerOnPremFigures('2026-10', {skus: []}), {
      month: '2026-10',
      hasData: false,
      totalUsers: 0,
      paidUsers: 0,
      freeUsers: 0,
      licenseServers: 0,
      editions: [],
    })
    assert.equal(toPartnerOnPremFigures('2026-10', undefined).hasData, false)
  })
})
