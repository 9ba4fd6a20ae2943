import {Help} from '@oclif/core'

import {exitCodeMeanings} from '../errors.js'

export function exitCodeSection(): string {
  const rows = exitCodeMeanings.map(([code, meaning]) => `  ${String(code).padStart(3)}  ${meaning}`)
  return `EXIT CODES\n${rows.join('\n')}`
}

/** oclif's help, closing the root help (`ctx help`, `ctx --help`) with the exit-code table. */
export default class CtxHelp extends Help {
  protected override async showRootHelp(): Promise<void> {
    await super.showRootHelp()
    this.log(`\n${exitCodeSection()}`)
  }
}
