import {BaseCommand} from '../cli/base-command.js'

export interface VersionResult {
  version: string
  platform: string
  arch: string
  node: string
}

/** `ctx version`: the same line as `ctx --version` (oclif's user agent), and its parts under --json. */
export default class Version extends BaseCommand<typeof Version> {
  static summary = 'Print the version of ctx, the platform and the Node.js it runs on (same as --version).'
  static examples = ['<%= config.bin %> version', '<%= config.bin %> version --json']

  async run(): Promise<VersionResult> {
    this.log(this.config.userAgent)
    return {version: this.config.version, platform: this.config.platform, arch: this.config.arch, node: process.version}
  }
}
