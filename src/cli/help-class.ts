import {CommandHelp, Help} from '@oclif/core'

import {exitCodeMeanings} from '../errors.js'

export function exitCodeSection(): string {
  const rows = exitCodeMeanings.map(([code, meaning]) => `  ${String(code).padStart(3)}  ${meaning}`)
  return `EXIT CODES\n${rows.join('\n')}`
}

/**
 * oclif compiles every string of the help as an ejs template (36 for `ctx --help`, 62 for a command's,
 * about 5 ms); only one holding a tag (`<%= config.bin %>` of the examples) needs it: the others come
 * out as they are.
 */
function renderTemplatesOnly(help: Help | CommandHelp): void {
  const render = help.render
  help.render = (text) => (text.includes('<%') ? render(text) : text)
}

/** A command's help, rendering only the strings that hold a template. */
class CtxCommandHelp extends CommandHelp {
  constructor(...args: ConstructorParameters<typeof CommandHelp>) {
    super(...args)
    renderTemplatesOnly(this)
  }
}

/** oclif's help, closing the root help (`ctx help`, `ctx --help`) with the exit-code table. */
export default class CtxHelp extends Help {
  protected override CommandHelpClass = CtxCommandHelp

  constructor(...args: ConstructorParameters<typeof Help>) {
    super(...args)
    renderTemplatesOnly(this)
  }

  protected override async showRootHelp(): Promise<void> {
    await super.showRootHelp()
    this.log(`\n${exitCodeSection()}`)
  }
}
