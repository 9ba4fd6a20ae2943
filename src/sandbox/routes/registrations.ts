import {endpoints} from '../../citrix/endpoints.js'
import {acceptCode} from '../codes.js'
import {citrixError, ok, serve, type SandboxContext, type SandboxReply, type SandboxRoute} from '../router.js'

// Minimal: registering a code in the cloud (section 3), as `ctx appliance register --accept` needs it.
// The product-registration work owns this file and may extend it.

/** Codes may be typed in lower case, with spaces or a dash. */
export const normaliseCode = (code: unknown) => String(code ?? '').toUpperCase().replace(/[\s-]/g, '')

async function accept(rawCode: unknown, context: SandboxContext): Promise<SandboxReply> {
  const code = normaliseCode(rawCode)
  const now = context.now()
  const result = await context.store.update((state) => acceptCode(state, code, now))
  if ('product' in result) return ok(result.product, 201)
  if (result.error === 'used') return citrixError(409, 'common/conflict', `Registration code ${code} has already been used`)
  return citrixError(404, 'common/notFound', 'Registration code not found or expired')
}

export const registrationRoutes: SandboxRoute[] = [
  serve(endpoints.registerProduct, 'cws', (request, context) => accept((request.body as {code?: unknown} | undefined)?.code, context)),
  // Sandbox-only: accept a code as if an administrator had entered it in the Citrix Cloud console.
  {method: 'POST', path: '/_sandbox/codes/{code}/accept', auth: 'none', handle: (request, context) => accept(request.params.code, context)},
]
