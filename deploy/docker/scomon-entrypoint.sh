#!/usr/bin/env bash
# Starts the service whose main class the image names. JAVA_OPTS (split on spaces) adds JVM options;
# arguments are passed to the main class. Configuration comes from INGEST_* / ENRICH_* / INDEX_* variables.
set -euo pipefail
: "${SCOMON_MAIN_CLASS:?SCOMON_MAIN_CLASS is not set: use one of the service images}"
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -cp "/app/app.jar:/app/lib/*" "$SCOMON_MAIN_CLASS" "$@"
