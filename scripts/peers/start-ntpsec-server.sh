#!/usr/bin/env bash
# start-ntpsec-server.sh ADDR [NAME] : NTPsec's ntpd serving on ADDR:123 only, in $PEERS_NETNS,
# as an orphan at stratum 8 (NTPsec has no local clock driver), with no rate limit.
# "disable ntp" + "disable kernel": it never disciplines the clock. ADDR must be configured on an
# interface (netns.sh gives lo 127.0.0.2-5). EXTRA_CONF adds lines to its ntp.conf, e.g.
# EXTRA_CONF=$'keys /tmp/ntp.keys\ntrustedkey 1' (symmetric keys). Prints its pid.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
addr=${1:?usage: $0 ADDR [NAME]}; name=${2:-ntpsec-server}
dir=$(daemon_dir "$name")
{ ntpsec_conf "$addr"; cat <<CONF; } >"$dir/ntp.conf"
tos orphan 8
tos orphanwait 1
# the built-in default entry is "noquery limited" and "restrict" only adds flags: take both off
unrestrict default noquery limited
restrict default nomodify
logfile $dir/log
${EXTRA_CONF:-}
CONF
start_daemon "$name" ntpd -n -c "$dir/ntp.conf" -p "$dir/pid"
wait_ready "$name" 10 "$addr"
