import {BaseCommand} from '../../cli/base-command.js'
import {renderFields} from '../../output/table.js'
import {sandboxDataDir} from '../../sandbox/registry.js'
import {readSandboxStatus, type SandboxStatus} from '../../services/sandbox/status.js'

export default class SandboxStatusCommand extends BaseCommand<typeof SandboxStatusCommand> {
  static summary = 'Show whether the sandbox runs, where, with which settings, and its simulated appliances.'
  static examples = ['<%= config.bin %> sandbox status', '<%= config.bin %> sandbox status --json']

  async run(): Promise<SandboxStatus> {
    const status = await readSandboxStatus(sandboxDataDir())
    const sizes = status.settings
      ? Object.entries(status.settings.sizes)
          .map(([name, n]) => `${n} ${name}`)
          .join(', ')
      : undefined
    this.log(
      renderFields([
        ['Running', status.running ? 'yes' : 'no'],
        ['URL', status.url],
        ['PID', status.pid],
        ['State', status.statePath],
        ['Seed', status.settings?.seed],
        ['Sizes', sizes],
        ['Token TTL (s)', status.settings?.tokenTtlSeconds],
        ['Code TTL (s)', status.settings?.codeTtlSeconds],
        ...status.appliances.map((a): [string, string] => [
          `Appliance ${a.name}`,
          `--host ${a.host} --fingerprint ${a.fingerprint}`,
        ]),
      ]),
    )
    return status
  }
}
