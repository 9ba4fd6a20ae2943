import {Flags} from '@oclif/core'

import {BaseCommand} from '../../cli/base-command.js'
import {productKinds, serviceLabels, type ProductKind} from '../../citrix/products.js'
import {renderFields} from '../../output/table.js'

export interface SandboxIssueCodeResult {
  code: string
  service: string
  hostname: string
  expiryTimestamp: string
}

export default class SandboxIssueCode extends BaseCommand<typeof SandboxIssueCode> {
  static summary = 'Play an on-premises product asking the sandbox for a registration code, and print the code.'
  static description =
    'Writes the code into the sandbox state in the data folder, which a running sandbox (or the next --sandbox command) reads; register it with `ctx register --code <code> --sandbox`. The code expires like a real one (15 minutes).'
  static examples = [
    '<%= config.bin %> sandbox issue-code --product license-server --hostname ls-01.corp.example',
    '<%= config.bin %> sandbox issue-code --product fas --hostname fas-01 --json',
  ]
  static flags = {
    product: Flags.string({
      description: 'which product asks for the code',
      options: Object.keys(productKinds),
      required: true,
    }),
    hostname: Flags.string({description: 'the host name the product reports', required: true}),
    version: Flags.string({description: 'the version the product reports (a current one by default)'}),
  }

  async run(): Promise<SandboxIssueCodeResult> {
    const {issueSandboxCode} = await import('../../services/sandbox/issue-code.js')
    const {product, hostname, version} = this.flags
    const pending = await issueSandboxCode({product: product as ProductKind, hostname, version})
    this.log(pending.code)
    this.note(
      renderFields([
        ['Product', serviceLabels[pending.service]],
        ['Host name', hostname],
        ['Expires', pending.expiryTimestamp],
      ]),
    )
    this.note(`Register it with: ctx register --code ${pending.code} --sandbox`)
    return {code: pending.code, service: pending.service, hostname, expiryTimestamp: pending.expiryTimestamp}
  }
}
