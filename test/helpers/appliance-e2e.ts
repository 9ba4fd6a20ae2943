import assert from 'node:assert/strict'

import {runBin} from './run-bin.js'
import type {TestSandbox} from './sandbox.js'

export const adminPassword = 'Adm1n-pass-for-tests'

/** host:port of a sandbox appliance, as `--host` takes it. */
export const hostOf = (sandbox: TestSandbox, index = 0) => new URL(sandbox.appliances[index]!.url).host

/** Trusts the appliance's certificate by fingerprint and logs in (setting the first password), through the built bin. */
export async function trustAndLogin(sandbox: TestSandbox, index = 0): Promise<string> {
  const host = hostOf(sandbox, index)
  const result = await runBin(
    ['appliance', 'login', '--host', host, '--password-stdin', '--fingerprint', sandbox.appliances[index]!.fingerprint],
    {env: sandbox.env, input: adminPassword},
  )
  assert.equal(result.code, 0, result.stderr)
  return host
}

/** Polls until `check` gives a value (the other side of a running child process has moved on). */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value !== undefined) return value
    if (Date.now() > until) throw new Error('gave up waiting')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** Accepts a code through the sandbox-only route, as an administrator would in the Citrix Cloud console. */
export async function acceptInConsole(sandbox: TestSandbox, code: string): Promise<void> {
  const response = await fetch(`${sandbox.url}/_sandbox/codes/${code}/accept`, {method: 'POST'})
  assert.equal(response.status, 201)
}
