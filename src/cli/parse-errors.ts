// oclif's parse errors read like a parser's ("Nonexistent flag: --x", "Missing required flag out",
// "--a=true cannot also be provided when using --b"): these say the same in ctx's own words, naming
// the command, in one line.

const rewrites: Array<[RegExp, (match: RegExpMatchArray) => string]> = [
  [/^Nonexistent flags?: (.+)$/, (m) => `has no ${m[1]!.includes(',') ? 'flags' : 'flag'} ${m[1]}`],
  [/^Missing required flag:?\s*(?:--)?([\w-]+).*$/, (m) => `needs --${m[1]}`],
  [/^Expected --([\w-]+)=(.*) to be one of: (.+)$/, (m) => `takes one of ${m[3]} for --${m[1]}, not "${m[2]}"`],
  [/^Expected (.*) to be one of: (.+)$/, (m) => `takes one of ${m[2]}, not "${m[1]}"`],
  [
    /^--([\w-]+)=\S* cannot also be provided when using --([\w-]+)$/,
    (m) => `cannot take --${m[1]} and --${m[2]} together`,
  ],
  [/^All of the following must be provided when using --([\w-]+): (.+)$/, (m) => `needs ${m[2]} with --${m[1]}`],
  [/^Parsing --([\w-]+)\s+Expected (an? .+?) but received: (.*)$/, (m) => `needs ${m[2]} for --${m[1]}, not "${m[3]}"`],
  [/^Flag --([\w-]+) expects a value$/, (m) => `needs a value for --${m[1]}`],
  [/^Unexpected arguments?: (.+)$/, (m) => `does not take the argument${m[1]!.includes(',') ? 's' : ''} ${m[1]}`],
  [/^Missing (\d+) required args?:?((?:\n.*)*)$/, (m) => `needs ${argumentNames(m[1]!, m[2]!)}`],
]

/** "the arguments <key> <value>" from oclif's list of missing arguments (a name, then its description, a line each). */
function argumentNames(count: string, list: string): string {
  const names = list
    .split('\n')
    .map((line) => line.trim().split(/\s+/)[0])
    .filter(Boolean)
  if (names.length === 0) return `${count} more argument${count === '1' ? '' : 's'}`
  return `the argument${names.length === 1 ? '' : 's'} ${names.map((name) => `<${name}>`).join(' ')}`
}

/** The reasons of an oclif parse error, one per line, without its framing lines. */
function reasonsOf(message: string): string[] {
  const lines = message
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !/^The following errors? occurred:?$/.test(line) && !/^See more help with/.test(line))
    .filter((line) => !/^Note: |^Alternatively, /.test(line))
  // "Parsing --port" is followed by its reason on the next line; a missing argument by its list.
  const joined: string[] = []
  for (const line of lines) {
    const previous = joined.at(-1)
    if (previous && /^Parsing --[\w-]+$/.test(previous)) joined[joined.length - 1] = `${previous} ${line}`
    else if (previous && /^Missing \d+ required args?:/.test(previous))
      joined[joined.length - 1] = `${previous}\n${line}`
    else joined.push(line)
  }
  return joined
}

/** One line naming the command: `ctx license export needs --out; takes one of csv, json for --format, not "x".` */
export function plainParseError(message: string, command: string | undefined): string {
  const reasons = reasonsOf(message).map((reason) => {
    for (const [pattern, rewrite] of rewrites) {
      const match = reason.match(pattern)
      if (match) return rewrite(match)
    }
    return undefined
  })
  if (reasons.length === 0 || reasons.includes(undefined)) return reasonsOf(message).join('; ') || message
  return `${command ? `ctx ${command}` : 'ctx'} ${reasons.join('; ')}.`
}
