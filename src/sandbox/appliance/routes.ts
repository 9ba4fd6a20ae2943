import {endpoints} from '../../citrix/endpoints.js'
import {acceptCode, findPendingCode, issueCode} from '../cloud/registration-codes.js'
import {sandboxCredentials} from '../constants.js'
import {
  citrixError,
  ok,
  serve,
  type SandboxContext,
  type SandboxReply,
  type SandboxRequest,
  type SandboxRoute,
} from '../http/router.js'
import type {ApplianceState, SandboxState} from '../state/types.js'
import {checkBearer, hashPassword, issueApplianceToken, passwordMatches} from './auth.js'

export const applianceProduct = 'Citrix Connector Appliance for Cloud Services'
export const applianceVersion = '2026.9.0'
export const verificationUrl = 'https://citrix.cloud.com/identity/api-access/product-registrations'
/**
 * Where the code is entered, per deployment. Japan's console is https://citrix.citrixcloud.jp [doc: Citrix
 * Cloud Japan's connectivity requirements]; the product-registrations path on it is [model], as on citrix.cloud.com.
 */
const verificationUrls: Record<string, string> = {
  production: verificationUrl,
  productionjp: 'https://citrix.citrixcloud.jp/identity/api-access/product-registrations',
}
const deployments = Object.keys(verificationUrls)

type Body = Record<string, unknown>

/** [doc] The appliance's validation answer: 404 (sic) with the field in a `property` parameter. */
function missingField(field: string): SandboxReply {
  return citrixError(404, 'common/missing', `Field "${field}" is missing.`, {property: field})
}

function invalidField(field: string): SandboxReply {
  return citrixError(404, 'common/invalid', `Field "${field}" has an invalid value.`, {property: field})
}

/** The first missing (absent or blank) field, in the order given. */
function firstMissing(body: Body, fields: string[]): SandboxReply | undefined {
  const field = fields.find((name) => typeof body[name] !== 'string' || (body[name] as string).trim() === '')
  return field ? missingField(field) : undefined
}

/** [doc] "Already registered" is a bare 500. */
const alreadyRegistered = () => citrixError(500, 'connapp/error', 'An error has occurred.')

/** The appliance's record, to read. After a sandbox reset a running appliance starts over: no password, unregistered. */
function applianceIn(state: SandboxState, id: string): ApplianceState {
  return state.appliances.find((a) => a.id === id) ?? {id, name: ''}
}

/** The appliance's record, to change (inside `store.update`); put back into the state after a reset. */
function applianceOf(state: SandboxState, id: string): ApplianceState {
  let appliance = state.appliances.find((a) => a.id === id)
  if (!appliance) state.appliances.push((appliance = {id, name: ''}))
  return appliance
}

function bodyOf(request: SandboxRequest): Body {
  return request.body && typeof request.body === 'object' ? (request.body as Body) : {}
}

/**
 * The routes of one simulated appliance (section 2). Its state lives with the cloud's, so a code it
 * hands out is a pending registration in the sandbox's Citrix Cloud.
 */
export function applianceRoutes(applianceId: string): SandboxRoute[] {
  /** A route behind the appliance's Bearer token. */
  const guarded =
    (handle: (body: Body, context: SandboxContext) => Promise<SandboxReply>) =>
    async (request: SandboxRequest, context: SandboxContext) => {
      const refused = checkBearer(request, await context.store.read(), applianceId, context.now())
      return refused ?? handle(bodyOf(request), context)
    }

  return [
    serve(endpoints.applianceCredentialsStatus, 'none', async (_request, context) => {
      const appliance = applianceIn(await context.store.read(), applianceId)
      return ok({credentialsAreSetup: appliance.passwordHash !== undefined})
    }),

    serve(endpoints.applianceSetCredentials, 'none', async (request, context) => {
      const body = bodyOf(request)
      const invalid =
        firstMissing(body, ['username', 'password']) ??
        (body.username === 'admin' ? undefined : invalidField('username'))
      if (invalid) return invalid
      return context.store.update((state) => {
        const appliance = applianceOf(state, applianceId)
        if (appliance.passwordHash) return citrixError(409, 'common/conflict', 'The admin password is already set.')
        appliance.passwordHash = hashPassword(body.password as string)
        return {status: 204}
      })
    }),

    serve(endpoints.applianceLogin, 'none', async (request, context) => {
      const body = bodyOf(request)
      const invalid = firstMissing(body, ['username', 'password'])
      if (invalid) return invalid
      const state = await context.store.read()
      const appliance = applianceIn(state, applianceId)
      if (body.username !== 'admin' || !passwordMatches(body.password as string, appliance.passwordHash)) {
        return citrixError(401, 'common/authentication', 'Invalid authentication details')
      }
      return ok(issueApplianceToken(state, applianceId, context.now()))
    }),

    serve(
      endpoints.applianceChangePassword,
      'none',
      guarded(async (body, context) => {
        const invalid = firstMissing(body, ['username', 'currentPassword', 'newPassword'])
        if (invalid) return invalid
        return context.store.update((state) => {
          const appliance = applianceOf(state, applianceId)
          if (!passwordMatches(body.currentPassword as string, appliance.passwordHash)) {
            return citrixError(401, 'common/authentication', 'Invalid authentication details')
          }
          appliance.passwordHash = hashPassword(body.newPassword as string)
          return {status: 204}
        })
      }),
    ),

    serve(
      endpoints.applianceStartRegistration,
      'none',
      guarded(async (body, context) => {
        const now = context.now()
        return context.store.update((state) => {
          const appliance = applianceOf(state, applianceId)
          if (appliance.instanceID) return alreadyRegistered()
          const invalid =
            firstMissing(body, ['name', 'deployment', 'resource_location_id']) ?? invalidRegistration(state, body)
          if (invalid) return invalid
          const pending = issueCode(
            state,
            {
              service: 'ConnectorAppliance',
              hostname: body.name as string,
              product: applianceProduct,
              version: applianceVersion,
              applianceId,
            },
            now,
          )
          appliance.pendingCode = pending.code
          appliance.resourceLocationId = body.resource_location_id as string
          appliance.deployment = body.deployment as string
          return ok(
            {
              code: pending.code,
              pollingInterval: state.settings.pollingIntervalSeconds ?? 30,
              status: 'Unregistered',
              verificationUrl: verificationUrls[body.deployment as string],
              expiryTimestamp: pending.expiryTimestamp,
            },
            201,
          )
        })
      }),
    ),

    serve(
      endpoints.applianceRegistrationStatus,
      'none',
      guarded(async (_body, context) => {
        const state = await context.store.read()
        const appliance = applianceIn(state, applianceId)
        if (appliance.instanceID) return ok({status: 'Registered'})
        const pending = appliance.pendingCode ? findPendingCode(state, appliance.pendingCode, context.now()) : undefined
        if (!pending || typeof pending === 'string') return ok({status: 'Unregistered'})
        return ok({status: 'Unregistered', code: pending.code, expiryTimestamp: pending.expiryTimestamp})
      }),
    ),

    serve(
      endpoints.applianceUnattendedRegistration,
      'none',
      guarded(async (body, context) => {
        const now = context.now()
        return context.store.update((state) => {
          const appliance = applianceOf(state, applianceId)
          if (appliance.instanceID) return alreadyRegistered()
          const invalid =
            firstMissing(body, ['applianceName', 'clientId', 'clientSecret', 'deployment']) ??
            invalidUnattended(state, body)
          if (invalid) return invalid
          if (body.clientId !== sandboxCredentials.clientId || body.clientSecret !== sandboxCredentials.clientSecret) {
            return citrixError(401, 'common/authentication', 'Invalid client id or client secret.')
          }
          // The appliance registers itself with the API client: the same code path as a code accepted in the cloud.
          appliance.resourceLocationId =
            (body.resourceLocationId as string | undefined) ?? state.resourceLocations[0]?.id
          appliance.deployment = body.deployment as string
          const pending = issueCode(
            state,
            {
              service: 'ConnectorAppliance',
              hostname: body.applianceName as string,
              product: applianceProduct,
              version: applianceVersion,
              applianceId,
            },
            now,
          )
          acceptCode(state, pending.code, now)
          return ok({status: 'Registered'})
        })
      }),
    ),
  ]
}

function invalidRegistration(state: SandboxState, body: Body): SandboxReply | undefined {
  if (!deployments.includes(body.deployment as string)) return invalidField('deployment')
  const location = body.resource_location_id as string
  if (!state.resourceLocations.some((l) => l.id === location)) return invalidField('resource_location_id')
  // [doc] An appliance name must be unique in its resource location.
  if (
    state.connectors.some(
      (c) => c.location === location && c.fqdn.toLowerCase() === (body.name as string).toLowerCase(),
    )
  )
    return invalidField('name')
  return undefined
}

function invalidUnattended(state: SandboxState, body: Body): SandboxReply | undefined {
  if (!deployments.includes(body.deployment as string)) return invalidField('deployment')
  const location = body.resourceLocationId
  if (location !== undefined && !state.resourceLocations.some((l) => l.id === location))
    return invalidField('resourceLocationId')
  return undefined
}
