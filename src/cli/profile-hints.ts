// A suggested next command (`ctx auth login` in a hint or a note) must act on the profile the user is
// working with: when --profile named one, each such command carries it.

const plainName = /^[\w.@-]+$/

/** Adds ` --profile <name>` to every `ctx …` command quoted in backticks that names no profile yet. */
export function withProfile(text: string, profile: string | undefined): string {
  if (!profile) return text
  const flag = `--profile ${plainName.test(profile) ? profile : `'${profile.replaceAll("'", "'\\''")}'`}`
  return text.replaceAll(/`(ctx [^`]*)`/g, (quoted, command: string) =>
    /(^|\s)--(profile|sandbox)\b/.test(command) ? quoted : `\`${command} ${flag}\``,
  )
}
