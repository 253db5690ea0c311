#!/usr/bin/env bash
# ntpd-on-full-disk.sh NTPD_ARGS... : bin/ntpd in a mount namespace of its own, in which FULL_DIR is
# a tmpfs of 16 KiB filled up: its drift and statistics files there fail with ENOSPC. The tmpfs
# exists only in that namespace (private propagation), never in the host's. For start-jntp.sh:
#   FULL_DIR=/tmp/full JNTP_NTPD=scripts/peers/ntpd-on-full-disk.sh start-jntp.sh 127.0.0.1 jntp
set -euo pipefail
full=${FULL_DIR:?FULL_DIR names the directory to fill}
ntpd=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/bin/ntpd
# shellcheck disable=SC2016 # expanded by the inner shell
exec unshare --mount --propagation private bash -ec '
  mount -t tmpfs -o size=16k jntp-full "$1"
  dd if=/dev/zero of="$1/filler" bs=4k 2>/dev/null || true
  shift; exec "$@"' bash "$full" "$ntpd" "$@"
