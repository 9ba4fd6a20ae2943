/** All of stdin as text (for `-` arguments: ids piped in from another command). */
export async function readStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)))
  return Buffer.concat(chunks).toString('utf8')
}

/** Reads all of stdin (a secret piped in), without the trailing newline. */
export async function readStdinSecret(stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  return (await readStdin(stream)).replace(/\r?\n$/, '')
}
