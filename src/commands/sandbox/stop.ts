import {BaseCommand} from '../../cli/base-command.js'
import {sandboxDataDir} from '../../sandbox/registry.js'
import {stopSandbox, type SandboxStopResult} from '../../services/sandbox/stop.js'

export default class SandboxStop extends BaseCommand<typeof SandboxStop> {
  static summary = 'Stop the sandbox that `ctx sandbox start` runs (its state stays).'
  static examples = ['<%= config.bin %> sandbox stop']

  async run(): Promise<SandboxStopResult> {
    const result = await stopSandbox(sandboxDataDir())
    this.note(result.stopped ? `Stopped the sandbox at ${result.url} (pid ${result.pid}).` : 'No sandbox is running.')
    return result
  }
}
