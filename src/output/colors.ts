import type {ChalkInstance} from 'chalk'

// Colour is on only for a terminal, and off with --no-color or NO_COLOR (https://no-color.org). Off, no
// chalk at all: it is loaded only when colour is on, so that a piped or scripted run never pays for it.
let chalk: ChalkInstance | undefined

export async function configureColor(options: {
  noColor?: boolean
  env?: NodeJS.ProcessEnv
  isTTY?: boolean
}): Promise<void> {
  const env = options.env ?? process.env
  const isTTY = options.isTTY ?? Boolean(process.stdout.isTTY)
  const off = options.noColor || (env.NO_COLOR !== undefined && env.NO_COLOR !== '') || !isTTY
  chalk = off ? undefined : new (await import('chalk')).Chalk({level: 1})
}

export function colorEnabled(): boolean {
  return chalk !== undefined
}

export const paint = {
  ok: (text: string) => chalk?.green(text) ?? text,
  warn: (text: string) => chalk?.yellow(text) ?? text,
  error: (text: string) => chalk?.red(text) ?? text,
  dim: (text: string) => chalk?.dim(text) ?? text,
  bold: (text: string) => chalk?.bold(text) ?? text,
  accent: (text: string) => chalk?.cyan(text) ?? text,
}
