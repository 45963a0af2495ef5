#!/usr/bin/env bash
# scomon-health PORT [PATH]: exits 0 when http://127.0.0.1:PORT/PATH (default /health/ready) answers 200.
# Runs inside the container (Docker HEALTHCHECK, compose healthcheck, Kubernetes exec probe), so it also reaches
# the operations servers that listen on 127.0.0.1 only. Needs nothing but bash (no curl in the image required).
set -u
port="${1:?usage: scomon-health PORT [PATH]}"
path="${2:-/health/ready}"
{ exec 3<>"/dev/tcp/127.0.0.1/${port}"; } 2>/dev/null || { echo "nothing listens on 127.0.0.1:${port}"; exit 1; }
printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$path" "$port" >&3
if ! IFS= read -r -t 5 status <&3; then
  echo "no answer from 127.0.0.1:${port}${path}"
  exit 1
fi
exec 3<&-
status="${status%$'\r'}"
case "$status" in
  "HTTP/1."?" 200"*) exit 0 ;;
  *) echo "127.0.0.1:${port}${path}: ${status}"; exit 1 ;;
esac
