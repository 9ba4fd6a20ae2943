import type {CitrixClient} from '../../citrix/client.js'
import {
  codePattern,
  lookUpRegistrationCode,
  normaliseCode,
  registerProduct,
  type PendingRegistration,
  type RegisteredProduct,
} from '../../citrix/products.js'
import {LocalIoError, UsageError} from '../../errors.js'
import {appendAudit, type AuditContext} from '../audit-log.js'

/** The code in the form Citrix expects, or exit 2 saying what a code looks like (before any call is made). */
export function parseRegistrationCode(input: string): string {
  const code = normaliseCode(input)
  if (!codePattern.test(code)) {
    throw new UsageError(`"${input}" is not a registration code.`, {
      hint: 'A code is 8 letters and digits, such as AB12CD34, as the product shows it; case, spaces and a dash do not matter.',
    })
  }
  return code
}

export interface RegisterOptions {
  client: CitrixClient
  code: string
  /** Shown the pending registration; false leaves it unregistered. */
  confirm: (pending: PendingRegistration) => Promise<boolean>
  audit: AuditContext
  now?: () => Date
}

export type RegisterOutcome =
  {registered: true; product: RegisteredProduct} | {registered: false; pending: PendingRegistration}

/** Looks the code up, has it confirmed, registers it and records it in the audit log. */
export async function registerProductByCode(options: RegisterOptions): Promise<RegisterOutcome> {
  const code = parseRegistrationCode(options.code)
  const pending = await lookUpRegistrationCode(options.client, code)
  if (!(await options.confirm(pending))) return {registered: false, pending}
  const product = await registerProduct(options.client, code)
  try {
    await appendAudit({
      time: (options.now?.() ?? new Date()).toISOString(),
      action: 'register',
      kind: 'product',
      ...options.audit,
      id: product.id,
      hostname: product.hostname,
      product: product.product,
      result: 'registered',
    })
  } catch (error) {
    // The registration is done: say so, with its id, since the audit log will not.
    throw new LocalIoError(
      `${product.hostname} was registered (id ${product.id}), but not recorded: ${(error as Error).message}`,
      {cause: error},
    )
  }
  return {registered: true, product}
}
