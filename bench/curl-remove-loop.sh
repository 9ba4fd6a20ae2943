#!/usr/bin/env bash
# The loop an admin would write instead of ctx: one DELETE after another with curl.
#   bench/curl-remove-loop.sh ids.txt   (CTX_API_URL, CTX_CUSTOMER_ID, CTX_CLIENT_ID, CTX_CLIENT_SECRET set)
set -euo pipefail
token=$(curl -sf -X POST "$CTX_API_URL/cctrustoauth2/$CTX_CUSTOMER_ID/tokens/clients" \
  -H 'Accept: application/json' -H 'Content-Type: application/x-www-form-urlencoded' \
  --data-urlencode grant_type=client_credentials --data-urlencode "client_id=$CTX_CLIENT_ID" \
  --data-urlencode "client_secret=$CTX_CLIENT_SECRET" | jq -r .access_token)
while read -r id; do
  [ -n "$id" ] || continue
  curl -sf -X DELETE "$CTX_API_URL/root/trust/v1/registeredproducts/$CTX_CUSTOMER_ID/$id" \
    -H "Authorization: CwsAuth Bearer=$token" -H "Citrix-CustomerId: $CTX_CUSTOMER_ID" -H 'Accept: application/json' -o /dev/null
done < "$1"
