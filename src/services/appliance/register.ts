import {setTimeout as sleep} from 'node:timers/promises'

import type {ApplianceClient, Deployment, RegistrationStatusWire} from '../../citrix/appliance.js'
import type {CitrixClient} from '../../citrix/client.js'
import {registerProduct, type RegisteredProduct} from '../../citrix/products.js'
import {CitrixApiError, ConflictError, InterruptedError, LocalIoError, TimedOutError, UsageError} from '../../errors.js'
import {appendAudit, type AuditContext} from '../audit-log.js'

/** How the audit log names a Connector Appliance registered unattended (Citrix Cloud's product name for it). */
const applianceProductName = 'Citrix Connector Appliance for Cloud Services'

export interface WaitProgress {
  code: string
  checks: number
  /** Milliseconds until the code expires. */
  codeExpiresInMs: number
}

export interface WaitOptions {
  timeoutMs: number
  onProgress?: (progress: WaitProgress) => void
  signal?: AbortSignal
  now?: () => number
}

export interface RegisterOptions {
  client: ApplianceClient
  name: string
  resourceLocationId: string
  deployment: Deployment
  /** --accept: registers the code in Citrix Cloud (with the profile's API client) before waiting. */
  accept?: (code: string) => Promise<void>
  /** --wait (implied by --accept). */
  wait?: WaitOptions
  /** Called as soon as the appliance has handed out its code, before accepting or waiting. */
  onCode?: (result: RegisterResult) => void
}

export interface RegisterResult {
  host: string
  name: string
  resourceLocationId: string
  status: 'Registered' | 'Unregistered'
  code?: string
  verificationUrl?: string
  expiryTimestamp?: string
  pollingIntervalSeconds?: number
  accepted: boolean
}

export interface UnattendedOptions {
  client: ApplianceClient
  name: string
  clientId: string
  clientSecret: string
  deployment: Deployment
  resourceLocationId?: string
  /** Who registers: the registration is recorded in the audit log. */
  audit?: AuditContext
}

/** The wire fields of the appliance's validation errors, and the flag that gives each. */
const flagOfField: Record<string, string> = {
  name: '--name',
  applianceName: '--name',
  deployment: '--deployment',
  resource_location_id: '--resource-location',
  resourceLocationId: '--resource-location',
  clientId: '--client-id',
  clientSecret: '--client-secret-stdin',
}

/**
 * [doc] The appliance answers 500 when it is already registered, and 404 (sic) naming the `property`
 * on a missing or bad field: turn both into what they mean.
 */
async function explainFailure(error: unknown, client: ApplianceClient): Promise<unknown> {
  if (!(error instanceof CitrixApiError)) return error
  const field = error.parameters.property
  if (error.status === 404 && field) {
    const flag = flagOfField[field]
    return new UsageError(`The appliance rejected the field "${field}": ${error.detail}`, {
      hint: flag ? `Check ${flag}.` : undefined,
    })
  }
  if (error.status === 500) {
    const status = await client.registrationStatus().catch(() => undefined)
    if (status?.status === 'Registered') {
      return new ConflictError(`The appliance ${client.address.key} is already registered with Citrix Cloud.`, {
        hint: 'Nothing to do. To register it again, first remove it in Citrix Cloud (ctx product remove) and reset the appliance.',
      })
    }
  }
  return error
}

export async function registerAppliance(options: RegisterOptions): Promise<RegisterResult> {
  const {client} = options
  let reply
  try {
    reply = await client.startRegistration({
      name: options.name,
      deployment: options.deployment,
      resource_location_id: options.resourceLocationId,
    })
  } catch (error) {
    throw await explainFailure(error, client)
  }
  const result: RegisterResult = {
    host: client.address.key,
    name: options.name,
    resourceLocationId: options.resourceLocationId,
    status: reply.status,
    code: reply.code,
    verificationUrl: reply.verificationUrl,
    expiryTimestamp: reply.expiryTimestamp,
    pollingIntervalSeconds: reply.pollingInterval,
    accepted: false,
  }
  options.onCode?.({...result})
  if (options.accept) {
    await options.accept(reply.code)
    result.accepted = true
  }
  if (options.wait) {
    result.status = await waitForRegistration(
      client,
      {code: reply.code, expiryTimestamp: reply.expiryTimestamp, pollingIntervalSeconds: reply.pollingInterval},
      options.wait,
    )
  }
  return result
}

/** --accept: registers the appliance's code in Citrix Cloud with the profile's API client, and records it in the audit log. */
export async function acceptApplianceCode(
  cloud: CitrixClient,
  code: string,
  audit?: AuditContext,
): Promise<RegisteredProduct> {
  const product = await registerProduct(cloud, code, {
    404: 'The code is unknown or has expired: run `ctx appliance register` again for a new one.',
    409: 'The code is registered with Citrix Cloud already: check with `ctx appliance status`.',
  })
  if (audit) await recordRegistration(audit, {id: product.id, hostname: product.hostname, product: product.product})
  return product
}

/** One `register` line of the audit log; the registration is done, so a log that cannot be written says so with it. */
async function recordRegistration(
  audit: AuditContext,
  what: {id: string; hostname: string; product: string},
): Promise<void> {
  try {
    await appendAudit({
      time: new Date().toISOString(),
      action: 'register',
      kind: 'product',
      ...audit,
      ...what,
      result: 'registered',
    })
  } catch (error) {
    throw new LocalIoError(
      `${what.hostname} is registered with Citrix Cloud${what.id ? ` (id ${what.id})` : ''}, but not recorded: ${(error as Error).message}`,
      {cause: error},
    )
  }
}

/**
 * Polls GET /registration at the appliance's own pollingInterval until it says Registered. Ends with
 * exit 9 when the code expires or the timeout passes; the client renews an expired token on the way.
 */
export async function waitForRegistration(
  client: ApplianceClient,
  pending: {code: string; expiryTimestamp: string; pollingIntervalSeconds: number},
  options: WaitOptions,
): Promise<'Registered'> {
  const now = options.now ?? Date.now
  const deadline = now() + options.timeoutMs
  const intervalMs = Math.max(1, pending.pollingIntervalSeconds) * 1000
  for (let checks = 1; ; checks++) {
    const status: RegistrationStatusWire = await client.registrationStatus()
    if (status.status === 'Registered') return 'Registered'
    const expiresAt = Date.parse(status.expiryTimestamp ?? pending.expiryTimestamp)
    if (now() >= expiresAt) {
      throw new TimedOutError(
        `The code ${pending.code} expired at ${new Date(expiresAt).toISOString()} before it was registered with Citrix Cloud.`,
        {
          hint: 'Run `ctx appliance register` again for a new code and enter it in the console in time, or add --accept to register it at once.',
        },
      )
    }
    if (now() >= deadline) {
      throw new TimedOutError(
        `Stopped waiting after ${Math.round(options.timeoutMs / 1000)} s: the appliance is not registered yet (code ${pending.code} is valid until ${new Date(expiresAt).toISOString()}).`,
        {
          hint: `Check later with \`ctx appliance status --host ${client.address.key}\`, or wait longer with --timeout.`,
        },
      )
    }
    options.onProgress?.({code: pending.code, checks, codeExpiresInMs: expiresAt - now()})
    try {
      await sleep(Math.min(intervalMs, Math.max(0, Math.min(deadline, expiresAt) - now())), undefined, {
        signal: options.signal,
      })
    } catch {
      throw options.signal?.reason instanceof InterruptedError ? options.signal.reason : new InterruptedError()
    }
  }
}

export interface UnattendedRegisterResult {
  host: string
  name: string
  status: 'Registered' | 'Unregistered'
}

/** [doc] POST /unattendedRegistration: the appliance registers itself with an API client, no code. */
export async function registerApplianceUnattended(options: UnattendedOptions): Promise<UnattendedRegisterResult> {
  const {client} = options
  try {
    const reply = await client.unattendedRegistration({
      applianceName: options.name,
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      deployment: options.deployment,
      ...(options.resourceLocationId ? {resourceLocationId: options.resourceLocationId} : {}),
    })
    const result: UnattendedRegisterResult = {host: client.address.key, name: options.name, status: reply.status}
    // The appliance registers itself and reports no instance id: the entry names it by its name.
    if (options.audit && reply.status === 'Registered')
      await recordRegistration(options.audit, {id: '', hostname: options.name, product: applianceProductName})
    return result
  } catch (error) {
    throw await explainFailure(error, client)
  }
}
