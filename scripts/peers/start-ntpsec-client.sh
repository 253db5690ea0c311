#!/usr/bin/env bash
# start-ntpsec-client.sh SERVER [NAME] : NTPsec's ntpd as a client of SERVER in $PEERS_NETNS,
# polling every 2^POLL s (env POLL, default 4), listening on 127.0.0.1 and ::1 (where ntpq and
# ntpstat look) and 192.0.2.1. SERVER may not be 127.0.0.x other than 127.0.0.1: NTPsec refuses
# those, use 192.0.2.x. "disable ntp" + "disable kernel": it selects its source but never
# disciplines the clock, so it stays at leap=11. SERVER_OPTIONS adds options to its server line
# (e.g. "key 1"), EXTRA_CONF lines to its ntp.conf (e.g. keys and trustedkey). Prints its pid.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
server=${1:?usage: $0 SERVER [NAME]}; name=${2:-ntpsec-client}; poll=${POLL:-4}; options=${SERVER_OPTIONS:-}
dir=$(daemon_dir "$name")
{ ntpsec_conf 127.0.0.1 ::1 192.0.2.1; cat <<CONF; } >"$dir/ntp.conf"
server $server iburst minpoll $poll maxpoll $poll $options
# as Debian's ntp.conf: ntpq and ntpstat may query from localhost
restrict 127.0.0.1
restrict ::1
logfile $dir/log
${EXTRA_CONF:-}
CONF
start_daemon "$name" ntpd -n -c "$dir/ntp.conf" -p "$dir/pid"
wait_ready "$name" 10 127.0.0.1
