import {Chalk, type ChalkInstance} from 'chalk'

// Colour is on only for a terminal, and off with --no-color or NO_COLOR (https://no-color.org).
let chalk: ChalkInstance = new Chalk({level: 0})

export function configureColor(options: {noColor?: boolean; env?: NodeJS.ProcessEnv; isTTY?: boolean}): void {
  const env = options.env ?? process.env
  const isTTY = options.isTTY ?? Boolean(process.stdout.isTTY)
  const off = options.noColor || (env.NO_COLOR !== undefined && env.NO_COLOR !== '') || !isTTY
  chalk = new Chalk({level: off ? 0 : 1})
}

export function colorEnabled(): boolean {
  return chalk.level > 0
}

export const paint = {
  ok: (text: string) => chalk.green(text),
  warn: (text: string) => chalk.yellow(text),
  error: (text: string) => chalk.red(text),
  dim: (text: string) => chalk.dim(text),
  bold: (text: string) => chalk.bold(text),
  accent: (text: string) => chalk.cyan(text),
}
