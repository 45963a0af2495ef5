#!/usr/bin/env bash
# Waits for Kibana, then imports every saved-objects file (*.ndjson) under SAVED_OBJECTS_DIR through
# POST /api/saved_objects/_import?overwrite=true. All files go in one request, so references between files
# (index pattern, visualizations, dashboards) resolve whatever their order. Fails when an object is refused.
#   KIBANA_URL         default http://kibana:5601
#   SAVED_OBJECTS_DIR  default /scomon/kibana (index-service/kibana in the repository)
set -euo pipefail
KIBANA_URL="${KIBANA_URL:-http://kibana:5601}"
DIR="${SAVED_OBJECTS_DIR:-/scomon/kibana}"

for attempt in $(seq 1 60); do
  if curl -fsS "$KIBANA_URL/api/status" 2>/dev/null | grep -q '"level":"available"'; then
    break
  fi
  if [ "$attempt" -eq 60 ]; then
    echo "Kibana at $KIBANA_URL was not available within 5 minutes" >&2
    exit 1
  fi
  sleep 5
done

mapfile -t files < <(find "$DIR" -name '*.ndjson' -type f 2>/dev/null | sort)
if [ "${#files[@]}" -eq 0 ]; then
  echo "no saved objects (*.ndjson) under $DIR: nothing imported" >&2
  exit 1
fi

bundle="$(mktemp --suffix=.ndjson)"
for f in "${files[@]}"; do
  cat "$f" >> "$bundle"
  # a file that does not end with a newline must not glue its last object to the next file's first
  [ -z "$(tail -c 1 "$f")" ] || echo >> "$bundle"
done

response="$(curl -sS -X POST "$KIBANA_URL/api/saved_objects/_import?overwrite=true" \
  -H 'kbn-xsrf: true' --form "file=@${bundle};type=application/ndjson")"
rm -f "$bundle"
if ! grep -q '"success":true' <<<"$response"; then
  echo "Kibana refused the saved objects from ${files[*]}: $response" >&2
  exit 1
fi
echo "imported ${files[*]} into $KIBANA_URL: $response"
