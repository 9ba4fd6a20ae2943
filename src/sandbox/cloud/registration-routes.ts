import {endpoints} from '../../citrix/endpoints.js'
import {citrixError, ok, serve, type SandboxContext, type SandboxReply, type SandboxRoute} from '../http/router.js'
import {servedProduct} from './product-routes.js'
import {acceptCode, codeWire, findPendingCode, type CodeProblem} from './registration-codes.js'

// [model] Look up and register a short code. A used code answers 409 on look-up as on register, so that
// ctx can tell "used" (exit 7) from "unknown or expired" (exit 6) before asking to confirm.

function codeProblem(problem: CodeProblem): SandboxReply {
  if (problem === 'used') return citrixError(409, 'common/conflict', 'Registration code already used')
  return citrixError(404, 'common/notFound', 'Registration code not found or expired')
}

async function registerCode(code: string, context: SandboxContext): Promise<SandboxReply> {
  const now = context.now()
  const outcome = await context.store.update((state) => {
    const accepted = acceptCode(state, code, now)
    return 'error' in accepted ? accepted : {product: servedProduct(accepted.product, state.settings)}
  })
  return 'error' in outcome ? codeProblem(outcome.error) : ok(outcome.product, 201)
}

export const registrationRoutes: SandboxRoute[] = [
  serve(endpoints.lookUpRegistrationCode, 'cws', async (request, context) => {
    const found = findPendingCode(await context.store.read(), request.params.code!, context.now())
    return typeof found === 'string' ? codeProblem(found) : ok(codeWire(found))
  }),
  serve(endpoints.registerProduct, 'cws', async (request, context) => {
    const code = (request.body as {code?: unknown} | undefined)?.code
    if (typeof code !== 'string' || code === '') {
      return citrixError(400, 'common/missing', 'Field "code" is missing.', {property: 'code'})
    }
    return registerCode(code, context)
  }),
  // Sandbox-only: accept a code as if an administrator had entered it in the Citrix Cloud console.
  {
    method: 'POST',
    path: '/_sandbox/codes/{code}/accept',
    auth: 'none',
    handle: (request, context) => registerCode(request.params.code!, context),
  },
]
