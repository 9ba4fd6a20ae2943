import {Flags} from '@oclif/core'

import {BaseCommand} from '../../cli/base-command.js'
import {codePattern, normaliseCode, type PendingRegistration, type RegisteredProduct} from '../../citrix/products.js'
import {promptConfirm, promptText} from '../../output/prompt.js'
import {registeredLine} from '../../output/registered.js'
import {renderFields} from '../../output/table.js'
import type {RegisterOutcome} from '../../services/product/register.js'

const pendingFields = (p: PendingRegistration): Array<[string, string]> => [
  ['Product', p.product],
  ['Host name', p.hostname],
  ['Version', p.version],
  ['Code expires', p.expiresAt],
]

const productFields = (p: RegisteredProduct): Array<[string, string]> => [
  ['Product', p.product],
  ['Host name', p.hostname],
  ['Version', p.version],
  ['Id', p.id],
  ['Registration time', p.registeredAt ?? 'unknown'],
]

export default class ProductRegister extends BaseCommand<typeof ProductRegister> {
  static summary = 'Register an on-premises product or a Connector Appliance with Citrix Cloud by its short code.'
  static description =
    'Looks the code up, shows what it registers, asks to confirm (--yes skips), registers it and records it in the audit log.'
  static examples = [
    '<%= config.bin %> product register --code AB12CD34',
    '<%= config.bin %> product register --code "ab12 cd34" --yes --json',
  ]
  static flags = {
    code: Flags.string({description: 'the 8-character code the product shows (case, spaces and a dash do not matter)'}),
    yes: Flags.boolean({char: 'y', description: 'register without asking to confirm (needed without a terminal)'}),
  }

  async run(): Promise<RegisterOutcome> {
    const {parseRegistrationCode, registerProductByCode} = await import('../../services/product/register.js')
    // A malformed code fails here, before any call is made.
    const code = parseRegistrationCode(
      this.flags.code ??
        (await promptText({
          message: 'Registration code',
          flag: '--code',
          validate: (v) => codePattern.test(normaliseCode(v)) || 'A code is 8 letters and digits, such as AB12CD34.',
        })),
    )
    const settings = await this.settings()
    const outcome = await registerProductByCode({
      client: await this.citrix(),
      code,
      audit: {profile: settings.profile, customer: settings.customerId ?? ''},
      confirm: async (pending) => {
        this.note(renderFields(pendingFields(pending)))
        return this.flags.yes || promptConfirm({message: 'Register this product with Citrix Cloud?', flag: '--yes'})
      },
    })
    if (outcome.registered) {
      this.log(registeredLine(`${outcome.product.product} ${outcome.product.hostname}`))
      this.log(renderFields(productFields(outcome.product)))
    } else this.note('Nothing was registered.')
    return outcome
  }
}
