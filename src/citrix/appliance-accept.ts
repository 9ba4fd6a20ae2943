import type {CitrixClient} from './client.js'
import {endpoints} from './endpoints.js'
import type {RegisteredProductWire} from './products.js'

/** [model] POST …/registrations/{customerId} `{"code"}`: registers an appliance's code in Citrix Cloud, as the console's Register does. */
export async function registerApplianceCode(client: CitrixClient, code: string): Promise<RegisteredProductWire> {
  const {body} = await client.call<RegisteredProductWire>(endpoints.registerProduct, {
    json: {code},
    hints: {
      404: 'The code is unknown or has expired: run `ctx appliance register` again for a new one.',
      409: 'The code was registered already: check with `ctx appliance status`.',
    },
  })
  return body!
}
