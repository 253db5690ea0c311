#!/usr/bin/env bash
# stop.sh NAME... : stop daemons started by the start-*.sh scripts, by the pid in their run
# directory (SIGTERM, SIGKILL after 5 s).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
[ $# -gt 0 ] || { echo "usage: $0 NAME..." >&2; exit 2; }
for name; do
  dir=$PEERS_RUN/$name
  pid=$(cat "$dir/pid" 2>/dev/null || cat "$dir/launcher" 2>/dev/null || true)
  [ -n "$pid" ] || { echo "$name: no pid in $dir" >&2; continue; }
  stop_pid "$pid"
  rm -f "$dir/pid" "$dir/launcher"
done
