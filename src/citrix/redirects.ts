import {UnavailableError} from '../errors.js'
import {globalApiHost, regionHosts} from './regions.js'

// Credentials go only to the host that needs them, never through a redirect to another (design.md).
// [seen] A customer homed in another region can get a 307 from the global host: that one is followed,
// once, and only to a Citrix Cloud region host over https, where the token is valid anyway. Anything
// else a server redirects to would receive the bearer token, so it is refused before any request.

/** The hosts an API call may be redirected to: the global alias and every region's API host [doc]. */
// Gov is not among them: no redirect to or from Gov was observed.
export const redirectTargets: ReadonlySet<string> = new Set([
  globalApiHost,
  ...Object.entries(regionHosts)
    .filter(([region]) => region !== 'gov')
    .map(([, hosts]) => hosts.apiHost),
])

const redirectHint =
  "Set the profile's region (`ctx config set region …` or CTX_REGION) to call the home region directly; check --api-url and any proxy too."

/** got returns a 3xx as an answer when `followRedirect` is false (304 included): none of them is a result. */
export function isRedirectStatus(status: number): boolean {
  return status >= 300 && status < 400
}

/** The host a Location names, or undefined when it is missing or no URL; never the raw header, which the server wrote. */
export function locationHost(location: string | undefined, base: URL): string | undefined {
  if (!location) return undefined
  try {
    return new URL(location, base).host
  } catch {
    return undefined
  }
}

function refuse(message: string): UnavailableError {
  return new UnavailableError(message, {hint: redirectHint})
}

/**
 * Where an API call answered with a 3xx may go next. `visited` holds the URLs already asked, the
 * original first; the answer came from the last. Returns the URL to ask next, or throws exit 8
 * naming the hosts: no Location, not a 307, a second redirect, a loop, not https, not a region host.
 */
export function nextHop(status: number, location: string | undefined, visited: readonly URL[]): URL {
  const from = visited.at(-1)!
  const call = `The call to ${from.host} was answered ${status}`
  let to: URL
  try {
    if (!location) throw new Error('no Location')
    to = new URL(location, from)
  } catch {
    throw refuse(`${call} without a usable Location: ctx cannot follow that redirect.`)
  }
  if (visited.some((url) => url.href === to.href)) {
    throw refuse(`${call}, a redirect to ${to.host} where it had already been: a redirect loop, ctx stopped.`)
  }
  if (visited.length > 1) {
    throw refuse(
      `${call}, a second redirect (to ${to.host}) after ${visited[0]!.host} sent it there: ctx follows one redirect only.`,
    )
  }
  if (status !== 307) {
    throw refuse(`${call}, a redirect to ${to.host}: ctx follows only a 307, to a Citrix Cloud region host over https.`)
  }
  if (to.protocol !== 'https:' || !redirectTargets.has(to.host)) {
    throw refuse(
      `${call}, a redirect to ${to.protocol}//${to.host}, which is not a Citrix Cloud region host over https: ctx does not send the token there.`,
    )
  }
  return to
}
