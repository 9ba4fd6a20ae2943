import {Command, loadHelpClass} from '@oclif/core'

/** `ctx help [command]`: the same help as --help (with the exit codes at the root), without @oclif/plugin-help. */
export default class HelpCommand extends Command {
  static summary = 'Show help for ctx, a topic or a command, and the exit codes.'
  static examples = ['<%= config.bin %> help', '<%= config.bin %> help auth login']
  static strict = false

  async run(): Promise<void> {
    const {argv} = await this.parse(HelpCommand)
    const HelpClass = await loadHelpClass(this.config)
    await new HelpClass(this.config, this.config.pjson.oclif.helpOptions ?? {}).showHelp(argv as string[])
  }
}
