// The floor of the export benchmark: the least a Node program can do to read every page of
// licensed users (fetch, parse, hash the ids), writing nothing. Prints {"rows", "checksum"}.
import {createHash} from 'node:crypto'

const {CTX_API_URL: api, CTX_CUSTOMER_ID: customer, CTX_CLIENT_ID: clientId, CTX_CLIENT_SECRET: secret} = process.env
const tokenReply = await fetch(`${api}/cctrustoauth2/${customer}/tokens/clients`, {
  method: 'POST',
  headers: {accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded'},
  body: new URLSearchParams({grant_type: 'client_credentials', client_id: clientId, client_secret: secret}).toString(),
})
const {access_token: token} = await tokenReply.json()
const headers = {accept: 'application/json', authorization: `CwsAuth Bearer=${token}`, 'citrix-customerid': customer}
const hash = createHash('sha256')
let rows = 0
let continuationToken
do {
  const url = new URL(`${api}/licensing/license/enterprise/cloud/cvad/ud/users`)
  url.searchParams.set('limit', '1000')
  if (continuationToken) url.searchParams.set('continuationToken', continuationToken)
  const page = await (await fetch(url, {headers})).json()
  for (const item of page.items) hash.update(`${item.userId}\n`)
  rows += page.items.length
  continuationToken = page.continuationToken
} while (continuationToken)
process.stdout.write(`${JSON.stringify({rows, checksum: hash.digest('hex')})}\n`)
