// Citrix's own values are case-insensitive (`EU`, `Windows`), so ctx's are too: a typed value that matches an
// option in another case becomes the canonical option before oclif checks `options` (which compares exactly
// and runs before a flag's own parse). Only flags whose options are all lower-case are touched.

interface OptionFlag {
  type?: string
  char?: string
  aliases?: string[]
  options?: readonly string[]
}

/** argv with each value of a lower-case option flag given in its canonical case; other tokens unchanged. */
export function canonicalOptionCase(argv: readonly string[], flags: Record<string, OptionFlag | undefined>): string[] {
  const byToken = new Map<string, readonly string[]>()
  for (const [name, flag] of Object.entries(flags)) {
    if (flag?.type !== 'option' || !flag.options || flag.options.some((o) => o !== o.toLowerCase())) continue
    byToken.set(`--${name}`, flag.options)
    for (const alias of flag.aliases ?? []) byToken.set(alias.length === 1 ? `-${alias}` : `--${alias}`, flag.options)
    if (flag.char) byToken.set(`-${flag.char}`, flag.options)
  }
  const canonical = (options: readonly string[], value: string): string =>
    options.find((o) => o === value.toLowerCase()) ?? value
  const out: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] ?? ''
    if (token === '--') {
      out.push(...argv.slice(i))
      break
    }
    const eq = token.indexOf('=')
    const head = eq === -1 ? token : token.slice(0, eq)
    const options = byToken.get(head)
    if (!options) out.push(token)
    else if (eq !== -1) out.push(`${head}=${canonical(options, token.slice(eq + 1))}`)
    else {
      out.push(token)
      const value = argv[i + 1]
      if (value !== undefined && !value.startsWith('-')) {
        out.push(canonical(options, value))
        i++
      }
    }
  }
  return out
}
