import {readFile} from 'node:fs/promises'

import {UsageError} from '../../errors.js'

// Citrix Cloud offers a CSV when an API client is created (Identity and Access Management > API Access):
// a header `ID,Secret` and one row. The customer id is not in it.
const idColumns = ['id', 'client id', 'clientid']
const secretColumns = ['secret', 'client secret', 'clientsecret']

/** Splits one CSV line, honouring double quotes ("a ""b""" → a "b"). */
function csvFields(line: string): string[] {
  const fields: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const char = line[i]
    if (quoted && char === '"' && line[i + 1] === '"') {
      field += '"'
      i++
    } else if (char === '"') {
      quoted = !quoted
    } else if (char === ',' && !quoted) {
      fields.push(field)
      field = ''
    } else {
      field += char
    }
  }
  fields.push(field)
  return fields.map((f) => f.trim())
}

export function parseSecureClientCsv(text: string, path: string): {clientId: string; clientSecret: string} {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
  const header = csvFields(lines[0] ?? '').map((h) => h.toLowerCase())
  const row = csvFields(lines[1] ?? '')
  const idAt = header.findIndex((h) => idColumns.includes(h))
  const secretAt = header.findIndex((h) => secretColumns.includes(h))
  const clientId = row[idAt]
  const clientSecret = row[secretAt]
  if (idAt < 0 || secretAt < 0 || !clientId || !clientSecret) {
    throw new UsageError(
      `${path} is not a Citrix Cloud secure client file (expected the columns ID,Secret and one row).`,
      {
        hint: 'Download it again in Citrix Cloud > Identity and Access Management > API Access, or pass --client-id and --client-secret-stdin.',
      },
    )
  }
  return {clientId, clientSecret}
}

export async function readSecureClientFile(path: string): Promise<{clientId: string; clientSecret: string}> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new UsageError(
      `The secure client file ${path} cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`,
      {
        hint: 'Pass the path of the CSV Citrix Cloud offered for download when the API client was created.',
      },
    )
  }
  return parseSecureClientCsv(text, path)
}
