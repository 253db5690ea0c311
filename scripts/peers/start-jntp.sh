#!/usr/bin/env bash
# start-jntp.sh ADDR [NAME [NTPD_ARGS...]] : our bin/ntpd serving its local clock at stratum 8 on
# ADDR:123 in $PEERS_NETNS, with no rate limit, e.g.
#   start-jntp.sh 127.0.0.1 jntp --software-clock 0.25,0
# Waits (JNTP_START_S, default 60 s) until it wrote its pid file and listens. Prints its pid.
# JNTP_NTPD names another launcher with the same flags (default bin/ntpd), e.g. a trimmed runtime.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
addr=${1:?usage: $0 ADDR [NAME [NTPD_ARGS...]]}; name=${2:-jntp}; shift $(($# < 2 ? $# : 2))
dir=$(daemon_dir "$name")
cat >"$dir/ntp.conf" <<CONF
server 127.127.1.0
fudge 127.127.1.0 stratum 8
interface ignore wildcard
interface ignore ipv6
interface ignore ipv4
interface listen $addr
restrict default
logfile $dir/log
CONF
start_daemon "$name" "${JNTP_NTPD:-$JNTP_HOME/bin/ntpd}" -n -c "$dir/ntp.conf" -p "$dir/pid" "$@"
wait_ready "$name" "${JNTP_START_S:-60}" "$addr"
