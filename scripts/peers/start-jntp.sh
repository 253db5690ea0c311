#!/usr/bin/env bash
# start-jntp.sh ADDR [NAME [NTPD_ARGS...]] : our bin/ntpd serving on ADDR:123 in $PEERS_NETNS, with no
# rate limit: by default its local clock at stratum 8, e.g.
#   start-jntp.sh 127.0.0.1 jntp --software-clock 0.25,0
# JNTP_LOCAL_STRATUM sets the local clock's stratum (empty: no local clock), and JNTP_SOURCES adds
# lines to its ntp.conf, e.g. a client of a chronyd on 127.0.0.2:
#   JNTP_LOCAL_STRATUM= JNTP_SOURCES="server 127.0.0.2 iburst" start-jntp.sh 127.0.0.1 jntp --software-clock 0.25,50
# Waits (JNTP_START_S, default 60 s) until it wrote its pid file and listens. Prints its pid.
# JNTP_NTPD names another launcher with the same flags (default bin/ntpd), e.g. a trimmed runtime.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
addr=${1:?usage: $0 ADDR [NAME [NTPD_ARGS...]]}; name=${2:-jntp}; shift $(($# < 2 ? $# : 2))
local_stratum=${JNTP_LOCAL_STRATUM-8}
dir=$(daemon_dir "$name")
{
  if [ -n "$local_stratum" ]; then
    printf '%s\n' "server 127.127.1.0" "fudge 127.127.1.0 stratum $local_stratum"
  fi
  printf '%s\n' "${JNTP_SOURCES:-}"
  cat <<CONF
interface ignore wildcard
interface ignore ipv6
interface ignore ipv4
interface listen $addr
restrict default
logfile $dir/log
CONF
} >"$dir/ntp.conf"
start_daemon "$name" "${JNTP_NTPD:-$JNTP_HOME/bin/ntpd}" -n -c "$dir/ntp.conf" -p "$dir/pid" "$@"
wait_ready "$name" "${JNTP_START_S:-60}" "$addr"
