#!/usr/bin/env bash
# start-chrony-server.sh ADDR [NAME] : chronyd serving its own clock at stratum 8 ("local") on
# ADDR:123 in $PEERS_NETNS, with no rate limit. -x: it never controls the clock. Prints its pid.
# Query it: scripts/peers/nsexec.sh NETNS chronyc -h $PEERS_RUN/NAME/run/chronyd.sock tracking
# EXTRA_CONF adds lines to its chrony.conf, e.g. "keyfile FILE", or an NTS-KE server on ADDR:4460:
#   EXTRA_CONF=$'ntsservercert /tmp/cert.pem\nntsserverkey /tmp/key.pem' start-chrony-server.sh 127.0.0.2
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
addr=${1:?usage: $0 ADDR [NAME]}; name=${2:-chrony-server}
dir=$(daemon_dir "$name")
cat >"$dir/chrony.conf" <<CONF
bindaddress $addr
port 123
# no UDP command port: two instances in one namespace would fight over 323; chronyc uses the socket
cmdport 0
bindcmdaddress $dir/run/chronyd.sock
pidfile $dir/pid
local stratum 8
# the namespace is the access control; chronyd drops requests from outside "allow" silently
allow all
${EXTRA_CONF:-}
CONF
# -u root: the _chrony user exists only when the package is installed, and it is not
start_daemon "$name" chronyd -x -d -u root -f "$dir/chrony.conf"
wait_ready "$name" 10 "$addr" "$dir/run/chronyd.sock"
