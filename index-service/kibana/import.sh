#!/usr/bin/env bash
# Imports SCO Monitor's Kibana objects (data views scomon-articles and scomon-alerts, Lens
# visualisations, the countries-and-places map, saved searches and the overview dashboard) into
# Kibana 8.11 or newer, replacing earlier copies of the same objects.
#
#   index-service/kibana/import.sh [KIBANA_URL]        default: $KIBANA_URL or http://127.0.0.1:5601
#
# Environment: KIBANA_AUTH=user:password (basic auth), KIBANA_SPACE=space-id (default space if unset).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
file="$here/scomon-dashboards.ndjson"
url=${1:-${KIBANA_URL:-http://127.0.0.1:5601}}
url=${url%/}
space_path=""
if [[ -n "${KIBANA_SPACE:-}" ]]; then
  space_path="/s/$KIBANA_SPACE"
fi
auth=()
if [[ -n "${KIBANA_AUTH:-}" ]]; then
  auth=(--user "$KIBANA_AUTH")
fi

response=$(curl --silent --show-error --fail-with-body ${auth[@]+"${auth[@]}"} \
  -X POST "$url$space_path/api/saved_objects/_import?overwrite=true" \
  -H "kbn-xsrf: true" \
  --form "file=@$file") || {
  echo "import into $url failed: ${response:-no answer}" >&2
  exit 1
}

if [[ "$response" == *'"success":true'* ]]; then
  count=$(grep -o '"successCount":[0-9]*' <<<"$response" | cut -d: -f2)
  echo "imported ${count:-all} objects into $url$space_path: open Dashboards > \"SCO Monitor – overview\""
else
  echo "Kibana refused some objects:" >&2
  echo "$response" >&2
  exit 1
fi
