#!/usr/bin/env bash
# Runs a command in its own process group and stops that whole group as soon as the owning process
# is gone (even after kill -9 of the owner), or when this watchdog is asked to stop.
# Usage: watchdog.sh OWNER_PID COMMAND [ARGS...]
owner="$1"; shift
setsid "$@" &
child=$!

group_alive() { kill -0 -- "-$child" 2>/dev/null || kill -0 "$child" 2>/dev/null; }

stop_child() {
  kill -TERM -- "-$child" 2>/dev/null || kill -TERM "$child" 2>/dev/null
  for _ in $(seq 1 60); do
    group_alive || return 0
    sleep 0.5
  done
  kill -KILL -- "-$child" 2>/dev/null
  kill -KILL "$child" 2>/dev/null
}
trap 'stop_child; exit 143' TERM INT HUP

while kill -0 "$child" 2>/dev/null; do
  if ! kill -0 "$owner" 2>/dev/null; then
    stop_child
    exit 137
  fi
  sleep 1 & wait $!
done
wait "$child"
status=$?
# the command ended by itself: leave nothing of its group behind
kill -KILL -- "-$child" 2>/dev/null
exit $status
