import type {CachedToken} from '../../src/config/token-cache.js'
import {ApplianceClient, parseApplianceAddress} from '../../src/citrix/appliance.js'
import {createHttpClient} from '../../src/http/client.js'

export const testAppliance = 'https://ca.test:4443'

/** An appliance client on `testAppliance` (mocked with nock) whose token lives in memory. */
export function fakeApplianceClient(options: {token?: string; password?: string} = {}): {
  client: ApplianceClient
  saved: CachedToken[]
  passwordsAsked: () => number
} {
  const saved: CachedToken[] = []
  let asked = 0
  const client = new ApplianceClient(createHttpClient({maxRetries: 0}), parseApplianceAddress('ca.test:4443'), {
    readToken: async () => (options.token ? {accessToken: options.token, expiresAt: Date.now() + 600_000} : undefined),
    saveToken: async (token) => void saved.push(token),
    password: async () => {
      asked++
      return options.password ?? 'admin-pass-1'
    },
  })
  return {client, saved, passwordsAsked: () => asked}
}

/** [doc] The appliance's validation answer. */
export function missingFieldBody(field: string) {
  return {
    type: 'https://errors-api.cloud.com/common/missing',
    detail: `Field "${field}" is missing.`,
    parameters: [{name: 'property', value: field}],
  }
}

export const alreadyRegisteredBody = {
  type: 'https://errors-api.cloud.com/connapp/error',
  detail: 'An error has occurred.',
}
export const expiredTokenBody = {
  type: 'https://errors-api.cloud.com/common/authentication',
  detail: 'Invalid authentication details',
}

/** Runs `work` with stdin and stderr looking like no terminal, whatever runs the tests. */
export async function withoutTerminal<T>(work: () => Promise<T>): Promise<T> {
  const saved = [process.stdin.isTTY, process.stderr.isTTY]
  Object.defineProperty(process.stdin, 'isTTY', {value: false, configurable: true})
  Object.defineProperty(process.stderr, 'isTTY', {value: false, configurable: true})
  try {
    return await work()
  } finally {
    Object.defineProperty(process.stdin, 'isTTY', {value: saved[0], configurable: true})
    Object.defineProperty(process.stderr, 'isTTY', {value: saved[1], configurable: true})
  }
}
