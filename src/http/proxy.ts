import type {Agent} from 'node:http'

import {HttpProxyAgent, HttpsProxyAgent} from 'hpagent'
import {getProxyForUrl} from 'proxy-from-env'

// HTTPS_PROXY, HTTP_PROXY and NO_PROXY, read by proxy-from-env; hpagent tunnels through the proxy.
// Loopback is never proxied: the sandbox and an appliance on localhost must be reached directly.
const agents = new Map<string, Agent>()

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname.startsWith('127.') || hostname === '[::1]' || hostname === '::1'
}

export function proxyFor(url: URL): string | undefined {
  if (isLoopback(url.hostname)) return undefined
  return getProxyForUrl(url.href) || undefined
}

export function proxyAgentFor(url: URL, https: Record<string, unknown> = {}): Agent | undefined {
  const proxy = proxyFor(url)
  if (!proxy) return undefined
  const key = `${url.protocol}${proxy}`
  let agent = agents.get(key)
  if (!agent) {
    const options = {proxy, keepAlive: true, ...https}
    agent = url.protocol === 'https:' ? new HttpsProxyAgent(options) : new HttpProxyAgent(options)
    agents.set(key, agent)
  }
  return agent
}
