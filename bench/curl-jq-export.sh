#!/usr/bin/env bash
# The loop an admin would write instead of ctx: curl page by page, jq to CSV.
#   CTX_API_URL=… CTX_CUSTOMER_ID=… CTX_CLIENT_ID=… CTX_CLIENT_SECRET=… bench/curl-jq-export.sh out.csv
set -euo pipefail
out="$1"
token=$(curl -sf -X POST "$CTX_API_URL/cctrustoauth2/$CTX_CUSTOMER_ID/tokens/clients" \
  -H 'Accept: application/json' -H 'Content-Type: application/x-www-form-urlencoded' \
  --data-urlencode grant_type=client_credentials --data-urlencode "client_id=$CTX_CLIENT_ID" \
  --data-urlencode "client_secret=$CTX_CLIENT_SECRET" | jq -r .access_token)
page=$(mktemp)
next=""
echo '"userId","userName","licenseAssignedDate","lastLoginDate","licenseStatus"' > "$out"
while :; do
  curl -sfG "$CTX_API_URL/licensing/license/enterprise/cloud/cvad/ud/users" --data-urlencode limit=1000 \
    ${next:+--data-urlencode "continuationToken=$next"} \
    -H "Authorization: CwsAuth Bearer=$token" -H "Citrix-CustomerId: $CTX_CUSTOMER_ID" -H 'Accept: application/json' -o "$page"
  jq -r '.items[] | [.userId, .userName, .licenseAssignedDate, .lastLoginDate, .licenseStatus] | @csv' "$page" >> "$out"
  next=$(jq -r '.continuationToken // empty' "$page")
  [ -n "$next" ] || break
done
rm -f "$page"
