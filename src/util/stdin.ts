import {UsageError} from '../errors.js'

/** All of stdin as text (for `-` arguments: ids piped in from another command). */
export async function readStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)))
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * A secret piped in (`--client-secret-stdin`, `--password-stdin`): the first line of stdin without
 * its line end, otherwise exactly as given (a password may hold spaces). Nothing there, or only
 * blanks, is exit 2 naming the flag: a secret is never silently empty.
 */
export async function readStdinSecret(stream: NodeJS.ReadableStream = process.stdin, flag?: string): Promise<string> {
  const secret = (await readStdin(stream)).split(/\r?\n/)[0] ?? ''
  if (secret.trim() === '') {
    throw new UsageError(`${flag ? `${flag} was given but stdin` : 'Stdin'} is empty.`, {
      hint: `Pipe the secret in: \`printf %s "$SECRET" | ctx … ${flag ?? ''}\`.`,
    })
  }
  return secret
}
