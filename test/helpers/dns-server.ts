import type {AddressInfo} from 'node:net'

import dns2 from 'dns2'

const {Packet} = dns2

// A DNS server on 127.0.0.1 for the tests of `--unresolvable --dns-server`: names in `addresses`
// answer an A record, names in `failing` answer SERVFAIL (a DNS failure, never "unresolvable"), and
// every other name NXDOMAIN.

export interface TestDnsServer {
  /** `127.0.0.1:<port>`, as --dns-server takes it. */
  address: string
  /** The names asked for, in order (lower case). */
  queries: string[]
  close(): Promise<void>
}

const rcode = {servfail: 2, nxdomain: 3} as const

export async function startTestDnsServer(zone: {
  addresses?: Record<string, string>
  failing?: string[]
}): Promise<TestDnsServer> {
  const addresses = new Map(Object.entries(zone.addresses ?? {}).map(([name, ip]) => [name.toLowerCase(), ip]))
  const failing = new Set((zone.failing ?? []).map((name) => name.toLowerCase()))
  const queries: string[] = []
  const server = dns2.createUDPServer((request, send) => {
    const response = Packet.createResponseFromRequest(request)
    const question = request.questions[0]
    const name = (question?.name ?? '').toLowerCase()
    queries.push(name)
    if (failing.has(name)) {
      response.header.rcode = rcode.servfail
    } else if (addresses.has(name)) {
      // NOERROR; an A record for A questions, no answer (NODATA) for AAAA.
      if (question?.type === Packet.TYPE.A) {
        response.answers.push({
          name,
          type: Packet.TYPE.A,
          class: Packet.CLASS.IN,
          ttl: 60,
          address: addresses.get(name),
        } as (typeof response.answers)[number])
      }
    } else {
      response.header.rcode = rcode.nxdomain
    }
    void send(response)
  })
  await server.listen(0, '127.0.0.1')
  const {port} = server.address() as AddressInfo
  return {
    address: `127.0.0.1:${port}`,
    queries,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
