import {UsageError} from '../errors.js'

// Issue 15, item 18: `--name` is a plain glob, matched in time proportional to the name times the
// pattern at worst, never exponential. picomatch's extglobs (`*(…)`, `+(…)`, `@(…)`, `!(…)`) compile
// to regular expressions that backtrack for minutes on `*(*(a*)*)!` and cannot be interrupted; so
// only `*`, `?` and `[…]` are read, case-insensitively, and anything else that a glob library would
// read as syntax (parentheses, braces, `|`, `\`) is refused with exit 2.

type Token =
  | {kind: 'star'}
  | {kind: 'any'}
  | {kind: 'char'; char: string}
  | {kind: 'class'; negated: boolean; test: (char: string) => boolean}

/** The longest pattern read: host-name globs are short. */
export const maxGlobLength = 256

function refuse(glob: string, why: string): UsageError {
  return new UsageError(`--name "${glob}" is not a plain glob: ${why}.`, {
    hint: 'Use * (any characters), ? (one character) and [abc] or [a-z] (one of a set), such as ca-0? or *.emea.corp.example.',
  })
}

function parseClass(glob: string, start: number): {token: Token; end: number} {
  let index = start + 1
  const negated = glob[index] === '!' || glob[index] === '^'
  if (negated) index++
  const ranges: Array<[string, string]> = []
  let first = true
  while (index < glob.length && (glob[index] !== ']' || first)) {
    first = false
    const low = glob[index]!.toLowerCase()
    if (glob[index + 1] === '-' && index + 2 < glob.length && glob[index + 2] !== ']') {
      ranges.push([low, glob[index + 2]!.toLowerCase()])
      index += 3
    } else {
      ranges.push([low, low])
      index++
    }
  }
  if (index >= glob.length) throw refuse(glob, `the [ at ${start + 1} is not closed`)
  const test = (char: string) => ranges.some(([low, high]) => char >= low && char <= high)
  return {token: {kind: 'class', negated, test}, end: index + 1}
}

function parse(glob: string): Token[] {
  if (glob.length > maxGlobLength) throw refuse(glob.slice(0, 40) + '…', `longer than ${maxGlobLength} characters`)
  const tokens: Token[] = []
  for (let index = 0; index < glob.length;) {
    const char = glob[index]!
    if ('(){}|\\'.includes(char))
      throw refuse(glob, `"${char}" is glob syntax ctx does not read (no extglobs, braces or escapes)`)
    if (char === '*') {
      if (tokens.at(-1)?.kind !== 'star') tokens.push({kind: 'star'}) // ** is *
      index++
    } else if (char === '?') {
      tokens.push({kind: 'any'})
      index++
    } else if (char === '[') {
      const {token, end} = parseClass(glob, index)
      tokens.push(token)
      index = end
    } else {
      tokens.push({kind: 'char', char: char.toLowerCase()})
      index++
    }
  }
  return tokens
}

function matchesOne(token: Token, char: string): boolean {
  if (token.kind === 'any') return true
  if (token.kind === 'char') return token.char === char
  if (token.kind === 'class') return token.test(char) !== token.negated
  return false
}

/**
 * Wildcard matching with one remembered star: on a mismatch, the last `*` takes one more character.
 * Each step moves forward in the name or the pattern, so it ends within name × pattern steps.
 */
function matchTokens(tokens: Token[], name: string): boolean {
  let t = 0
  let n = 0
  let starAt = -1
  let starName = 0
  while (n < name.length) {
    const token = tokens[t]
    if (token && token.kind === 'star') {
      starAt = t++
      starName = n
    } else if (token && matchesOne(token, name[n]!)) {
      t++
      n++
    } else if (starAt >= 0) {
      t = starAt + 1
      n = ++starName
    } else {
      return false
    }
  }
  while (tokens[t]?.kind === 'star') t++
  return t === tokens.length
}

/** A case-insensitive plain glob on names (`ls-*`, `*.emea.corp.example`, `ca-0[1-3]`); other syntax is exit 2. */
export function compileGlob(glob: string): (name: string) => boolean {
  const tokens = parse(glob)
  return (name) => matchTokens(tokens, name.toLowerCase())
}
