import {InterruptedError, UsageError} from '../errors.js'

// The one home of inquirer. Prompts go to stderr; without a terminal nothing is asked, and the
// missing answer becomes exit 2 naming the flag that gives it.

export function canPrompt(): boolean {
  return Boolean(process.stdin.isTTY && process.stderr.isTTY)
}

function needTerminal(what: string, flag: string, hint?: string): never {
  throw new UsageError(`${what} is needed and there is no terminal to ask on.`, {hint: hint ?? `Pass ${flag}.`})
}

async function ask<T>(
  run: (prompts: typeof import('@inquirer/prompts'), context: {output: NodeJS.WriteStream}) => Promise<T>,
): Promise<T> {
  const prompts = await import('@inquirer/prompts')
  try {
    return await run(prompts, {output: process.stderr})
  } catch (error) {
    if ((error as Error).name === 'ExitPromptError') throw new InterruptedError('Cancelled.')
    throw error
  }
}

export async function promptText(options: {
  message: string
  flag: string
  validate?: (value: string) => true | string
}): Promise<string> {
  if (!canPrompt()) needTerminal(options.message, options.flag)
  return ask((p, context) => p.input({message: options.message, validate: options.validate}, context))
}

/** `need` names what is missing when there is no terminal (the message is a question); `hint` replaces "Pass <flag>.". */
export async function promptSecret(options: {
  message: string
  flag: string
  need?: string
  hint?: string
}): Promise<string> {
  if (!canPrompt()) needTerminal(options.need ?? options.message, options.flag, options.hint)
  return ask((p, context) => p.password({message: options.message, mask: '*'}, context))
}

/** Asks yes or no; without a terminal, fails naming the flag (usually --yes). */
export async function promptConfirm(options: {message: string; flag: string; default?: boolean}): Promise<boolean> {
  if (!canPrompt()) needTerminal('A confirmation', options.flag)
  return ask((p, context) => p.confirm({message: options.message, default: options.default ?? false}, context))
}

export async function promptSelect<T>(options: {
  message: string
  flag: string
  choices: Array<{name: string; value: T}>
}): Promise<T> {
  if (!canPrompt()) needTerminal(options.message, options.flag)
  return ask((p, context) => p.select<T>({message: options.message, choices: options.choices}, context))
}
