import {readFileSync} from 'node:fs'
import {platform} from 'node:os'

let cached: string | undefined

/** `ctx/0.1.0 (node/20.11.1; linux)`: on every request, so that Citrix support can tell ctx's calls apart. */
export function userAgent(): string {
  if (cached) return cached
  let version = '0.0.0'
  try {
    // src/http and dist/http are both two folders below package.json.
    version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string})
      .version
  } catch {
    // A package without its package.json still sends a User-Agent.
  }
  cached = `ctx/${version} (node/${process.versions.node}; ${platform()})`
  return cached
}
