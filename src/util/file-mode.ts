import {UsageError} from '../errors.js'

/** `--mode 0640` (also `640`, `0o640`): permission bits only, as chmod takes them in octal. */
export function parseFileMode(text: string, flag = '--mode'): number {
  const digits = /^(?:0o?)?([0-7]{1,3})$/i.exec(text.trim())?.[1]
  if (digits === undefined) {
    throw new UsageError(`${flag} ${text} is not a file mode.`, {
      hint: `Give the permission bits in octal, such as ${flag} 0640 or ${flag} 0600.`,
    })
  }
  return Number.parseInt(digits, 8)
}
