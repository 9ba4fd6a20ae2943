import {readFile} from 'node:fs/promises'
import {isIP} from 'node:net'

import pMap from 'p-map'

import {UsageError} from '../errors.js'
import {readStdin} from '../util/stdin.js'
import {asLocalIoError} from '../util/local-io.js'
import {parseHostList} from './selection.js'

// The selectors of registrations that Citrix gives no last contact for (citrix-api.md section 3):
// a decommission list (`--hosts-from`) and host names that no longer resolve (`--unresolvable`).

/** `--hosts-from <file|->`: the host names of a decommission list, one a line; `-` reads stdin. */
export async function readHostList(
  source: string,
  stdin: () => Promise<string> = () => readStdin(),
): Promise<string[]> {
  let text: string
  try {
    text = source === '-' ? await stdin() : await readFile(source, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'EISDIR') {
      throw new UsageError(
        `--hosts-from: ${code === 'ENOENT' ? 'there is no file' : 'this is a folder, not a file:'} ${source}.`,
        {hint: 'Give a file of host names, one a line, or - to read them from stdin.'},
      )
    }
    throw asLocalIoError(error, `Cannot read ${source}`)
  }
  const hosts = parseHostList(text)
  if (hosts.length === 0)
    throw new UsageError(`--hosts-from ${source} lists no host names.`, {
      hint: 'Give one host name a line; lines starting with # are skipped.',
    })
  return hosts
}

/** `unresolvable`: the DNS says the name does not exist (or has no address); `unknown`: it could not be asked. */
export type Resolution =
  {host: string; result: 'resolves' | 'unresolvable'} | {host: string; result: 'unknown'; reason: string}

/** Answers that say for certain there is no address: NXDOMAIN, or a name without A and AAAA records. */
const definitelyNone = new Set(['ENOTFOUND', 'ENODATA'])

/** `ip` or `ip:port` (`[v6]:port` for IPv6), as Node's resolver takes it. */
export function parseDnsServer(text: string): string {
  const value = text.trim()
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(value)
  const v4WithPort = /^([\d.]+):(\d+)$/.exec(value)
  const [address, port] = bracketed
    ? [bracketed[1]!, bracketed[2]]
    : v4WithPort
      ? [v4WithPort[1]!, v4WithPort[2]]
      : [value, undefined]
  const portOk = port === undefined || (Number(port) >= 1 && Number(port) <= 65_535)
  if (!isIP(address) || !portOk) {
    throw new UsageError(`--dns-server "${text}" is not an IP address with an optional port.`, {
      hint: 'Give one such as 10.0.0.53, 10.0.0.53:5353 or [fd00::53]:53.',
    })
  }
  return value
}

export interface ResolutionOptions {
  /** Asks this server (`ip[:port]`) instead of the system's resolver. */
  dnsServer?: string
  /** Per query; a server that does not answer in time makes the host `unknown`, never unresolvable. */
  timeoutMs?: number
  concurrency?: number
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${ms} ms`), {code: 'ETIMEOUT'})), ms)
  })
  try {
    return await Promise.race([work, timeout])
  } finally {
    clearTimeout(timer)
  }
}

const codeOf = (error: unknown) => String((error as NodeJS.ErrnoException).code ?? (error as Error).message)

/**
 * Whether each host name still resolves from where ctx runs: through the system's resolver (which
 * reads the hosts file too), or by asking `dnsServer` for A and AAAA records. Only a definite "no
 * such name" counts as unresolvable; a timeout or a failing server is `unknown`, so that a DNS outage
 * never selects everything.
 */
export async function checkResolution(
  hosts: string[],
  options: ResolutionOptions = {},
): Promise<Map<string, Resolution>> {
  const timeoutMs = options.timeoutMs ?? 5000
  const dns = await import('node:dns/promises')
  let resolve: (host: string) => Promise<Resolution>
  if (options.dnsServer) {
    const resolver = new dns.Resolver({timeout: timeoutMs, tries: 2})
    resolver.setServers([parseDnsServer(options.dnsServer)])
    resolve = async (host) => {
      const answers = await Promise.allSettled([resolver.resolve4(host), resolver.resolve6(host)])
      if (answers.some((a) => a.status === 'fulfilled' && a.value.length > 0)) return {host, result: 'resolves'}
      const failures = answers
        .filter((a): a is PromiseRejectedResult => a.status === 'rejected')
        .map((a) => codeOf(a.reason))
      const doubtful = failures.find((code) => !definitelyNone.has(code))
      return doubtful ? {host, result: 'unknown', reason: doubtful} : {host, result: 'unresolvable'}
    }
  } else {
    resolve = async (host) => {
      try {
        const addresses = await withTimeout(dns.lookup(host, {all: true}), timeoutMs)
        return addresses.length > 0 ? {host, result: 'resolves'} : {host, result: 'unresolvable'}
      } catch (error) {
        const code = codeOf(error)
        return definitelyNone.has(code) ? {host, result: 'unresolvable'} : {host, result: 'unknown', reason: code}
      }
    }
  }
  const unique = [...new Set(hosts.filter(Boolean))]
  const results = await pMap(unique, resolve, {concurrency: options.concurrency ?? 8})
  return new Map(results.map((r) => [r.host, r]))
}
