#!/usr/bin/env bash
# start-chrony-client.sh SERVER [NAME] : chronyd as a client of SERVER (port 123) in $PEERS_NETNS,
# polling every 2^POLL s (env POLL, default 4; -2 makes it select a source within a second or
# two). -x: it measures and selects but never controls the clock. No NTP port of its own.
# SERVER_OPTIONS adds options to its server line, e.g. SERVER_OPTIONS=xleave (interleaved mode), and
# EXTRA_CONF lines to its chrony.conf, e.g. "keyfile FILE" for SERVER_OPTIONS="key 1", or
# SERVER_OPTIONS=nts EXTRA_CONF="ntstrustedcerts /tmp/ca.pem".
# Prints its pid. Read it with chronyc -h $PEERS_RUN/NAME/run/chronyd.sock sources|tracking.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
server=${1:?usage: $0 SERVER [NAME]}; name=${2:-chrony-client}; poll=${POLL:-4}; options=${SERVER_OPTIONS:-}
dir=$(daemon_dir "$name")
cat >"$dir/chrony.conf" <<CONF
port 0
cmdport 0
bindcmdaddress $dir/run/chronyd.sock
pidfile $dir/pid
server $server iburst minpoll $poll maxpoll $poll $options
${EXTRA_CONF:-}
CONF
start_daemon "$name" chronyd -x -d -u root -f "$dir/chrony.conf"
wait_ready "$name" 10 "" "$dir/run/chronyd.sock"
