import {Errors, type Hook} from '@oclif/core'

import {ExitCode} from '../../errors.js'
import {paint} from '../../output/colors.js'

/** Edit distance (Levenshtein) between two short words: how many letters to add, drop or change. */
function distance(a: string, b: string): number {
  let previous = Array.from({length: b.length + 1}, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.length]!
}

/** The commands nearest to what was typed, at most three, none further than a third of its length. */
export function suggestCommands(typed: string, commandIds: readonly string[]): string[] {
  const limit = Math.max(2, Math.floor(typed.length / 3))
  return commandIds
    .map((id) => ({id, score: distance(typed, id)}))
    .filter(({score}) => score <= limit)
    .sort((a, b) => a.score - b.score || a.id.localeCompare(b.id))
    .slice(0, 3)
    .map(({id}) => id)
}

/**
 * An unknown command never runs a guess (oclif's plugin-not-found offers to run it): it says what is
 * near, and ends with exit 2 like any other usage error.
 */
const commandNotFound: Hook.CommandNotFound = async function (options) {
  const typed = options.id.split(':').join(' ')
  const ids = options.config.commandIDs
    .filter((id) => !id.startsWith('autocomplete:'))
    .map((id) => id.split(':').join(' '))
  const suggestions = suggestCommands(typed, ids)
  process.stderr.write(`${paint.error('Error:')} "${typed}" is not a ctx command.\n`)
  const topic = typed.split(' ')[0]
  const hint =
    suggestions.length > 0
      ? `Did you mean ${suggestions.map((s) => `\`ctx ${s}\``).join(' or ')}?`
      : `See \`ctx help${ids.some((id) => id.startsWith(`${topic} `)) ? ` ${topic}` : ''}\` for the commands.`
  process.stderr.write(`${paint.dim('Hint:')} ${hint}\n`)
  throw new Errors.ExitError(ExitCode.usage)
}

export default commandNotFound
