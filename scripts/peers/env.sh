# Sourced by scripts/peers/* and bench/*: where the peer daemons (chrony, NTPsec) are unpacked,
# where each daemon's run files go, and how anything is run in the test namespace.
#
#   PEERS_HOME        cache of the Debian packages: debs/ and the unpacked root/ (fetch.sh)
#   PEERS_RUN         one directory per daemon NAME: config, pid, log, chronyd's command socket
#   PEERS_NETNS       the network namespace every daemon and query tool runs in (netns.sh up)
#   PEERS_LIFETIME_S  a daemon its caller forgets is ended after this many seconds
JNTP_HOME=${JNTP_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
PEERS_HOME=${PEERS_HOME:-/var/tmp/jntp-peers}
PEERS_ROOT=$PEERS_HOME/root
PEERS_RUN=${PEERS_RUN:-/tmp/jntp-peers}
PEERS_NETNS=${PEERS_NETNS:-jntp-peers}
PEERS_LIFETIME_S=${PEERS_LIFETIME_S:-3600}
export PATH=$PEERS_ROOT/usr/sbin:$PEERS_ROOT/usr/bin:$PATH
export PYTHONPATH=$PEERS_ROOT/usr/lib/python3/dist-packages${PYTHONPATH:+:$PYTHONPATH}

# Nothing started from here may change the clock: without CAP_SYS_TIME in the bounding set the
# kernel refuses every clock write with EPERM. NTPsec needs this even with "disable ntp" and
# "disable kernel": it still calls ntp_adjtime() at start-up.
NOCLOCK=(setpriv --bounding-set -sys_time)

# in_netns CMD... : CMD in the namespace, without clock capability, peer tools on PATH
in_netns() { ip netns exec "$PEERS_NETNS" "${NOCLOCK[@]}" "$@"; }

# ntpsec_conf ADDR... : the ntp.conf lines every NTPsec here starts with: no clock discipline, and
# listening on ADDR... only (the last matching "interface" line wins; "all" never matches loopback)
ntpsec_conf() {
  printf '%s\n' "disable ntp" "disable kernel" "interface ignore ipv6" "interface ignore ipv4"
  local addr; for addr; do echo "interface listen $addr"; done
}

# daemon_dir NAME : a fresh run directory for daemon NAME (old pid file, logs and socket removed)
daemon_dir() {
  local dir=$PEERS_RUN/$1
  mkdir -p "$dir"; rm -rf "$dir/pid" "$dir/out" "$dir/log" "$dir/run"
  echo "$dir"
}

# start_daemon NAME CMD... : CMD in the background in the namespace, output in $PEERS_RUN/NAME/out.
# timeout bounds its life; the daemon itself writes $PEERS_RUN/NAME/pid.
start_daemon() {
  local dir=$PEERS_RUN/$1; shift
  ip netns exec "$PEERS_NETNS" timeout -k 5 "$PEERS_LIFETIME_S" "${NOCLOCK[@]}" "$@" \
    </dev/null >"$dir/out" 2>&1 &
  echo $! >"$dir/launcher"
}

# udp_bound ADDR PORT : whether something in the namespace listens on ADDR:PORT
udp_bound() {
  ip netns exec "$PEERS_NETNS" ss -Hnlu "sport = :$2" | awk -v a="$1" '{n=split($4,p,":"); sub(":" p[n] "$", "", $4); gsub(/[][]/, "", $4); sub(/^::ffff:/, "", $4); if ($4 == a) f=1} END{exit !f}'
}

# wait_ready NAME SECONDS [ADDR [FILE]] : wait until the daemon wrote its pid file, listens on
# ADDR:123 (unless ADDR is empty) and FILE exists (a command socket); print the pid. On failure
# say why with the end of its output, and stop what was started.
wait_ready() {
  local name=$1 seconds=$2 addr=${3:-} file=${4:-} dir=$PEERS_RUN/$1 pid= i
  for ((i = 0; i < seconds * 10; i++)); do
    [ -s "$dir/pid" ] && pid=$(<"$dir/pid")
    if [ -n "$pid" ] && { [ -z "$addr" ] || udp_bound "$addr" 123; } && { [ -z "$file" ] || [ -e "$file" ]; }; then
      echo "$pid"; return 0
    fi
    kill -0 "$(<"$dir/launcher")" 2>/dev/null || break
    sleep 0.1
  done
  echo "$name: not ready after ${seconds}s (pid '${pid}', listening on ${addr:--}, ${file:-no file} awaited)" >&2
  tail -n 20 "$dir/out" "$dir/log" 2>/dev/null >&2
  stop_pid "${pid:-$(<"$dir/launcher")}"
  return 1
}

# stop_pid PID : SIGTERM, then SIGKILL if it is still there after 5 s
stop_pid() {
  local pid=$1 i
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < 50; i++)); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  echo "pid $pid ignored SIGTERM for 5 s: SIGKILL" >&2
  kill -KILL "$pid" 2>/dev/null || true
}
