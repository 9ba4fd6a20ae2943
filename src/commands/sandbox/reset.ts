import {Flags} from '@oclif/core'

import {BaseCommand} from '../../cli/base-command.js'
import {sandboxDataDir} from '../../sandbox/registry.js'
import {resetSandbox, type SandboxResetResult} from '../../services/sandbox/reset.js'

export default class SandboxReset extends BaseCommand<typeof SandboxReset> {
  static summary = "Throw the sandbox's state away and seed it anew (a running sandbox resets in place)."
  static examples = ['<%= config.bin %> sandbox reset', '<%= config.bin %> sandbox reset --seed 7']
  static flags = {seed: Flags.integer({description: 'a new seed (default: keep the current one)'})}

  async run(): Promise<SandboxResetResult> {
    const result = await resetSandbox(sandboxDataDir(), this.flags.seed === undefined ? {} : {seed: this.flags.seed})
    this.note(`Sandbox state reset (seed ${result.settings.seed})${result.running ? ' in the running sandbox' : ''}.`)
    return result
  }
}
