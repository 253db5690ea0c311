#!/usr/bin/env bash
# Captures real NTP datagrams from chronyd and NTPsec as test vectors for org.jntp.protocol:
# replies of both daemons to a plain NTPv4 client request (and the request itself), an NTPsec
# reply while still unsynchronised, an NTPsec RATE kiss-o'-death, and the requests that NTPsec's
# ntpdig and chronyd send as clients. Writes one datagram per file, as hex with a comment header,
# into src/test/resources/org/jntp/protocol (or the directory given as $1).
#
# Needs root (it creates a network namespace) and the peer daemons unpacked by
# /work/shared/peers/install.sh under $PEERS_ROOT. It never touches the clock: every daemon and
# tool runs without CAP_SYS_TIME in its bounding set, chronyd with -x, ntpd with "disable ntp"
# and "disable kernel". All traffic stays in the namespace jntp-proto-vec, which is deleted on exit
# together with the daemons (stopped by PID) and the scratch directory.
set -euo pipefail

JNTP_HOME=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=$(realpath -m "${1:-$JNTP_HOME/src/test/resources/org/jntp/protocol}")
PEERS_ROOT=${PEERS_ROOT:-/var/tmp/ntp-peers/root}
NS=jntp-proto-vec
NOCLOCK=(setpriv --bounding-set -sys_time)
export PATH=$PEERS_ROOT/usr/sbin:$PEERS_ROOT/usr/bin:$PATH
export PYTHONPATH=$PEERS_ROOT/usr/lib/python3/dist-packages

[ "$(id -u)" = 0 ] || { echo "needs root (network namespace)" >&2; exit 1; }
command -v chronyd >/dev/null && command -v ntpd >/dev/null && command -v ntpdig >/dev/null ||
  { echo "peer daemons missing under $PEERS_ROOT (run /work/shared/peers/install.sh)" >&2; exit 1; }
if ip netns list | grep -qw "^$NS"; then
  echo "namespace $NS exists: another capture running, or left over (ip netns delete $NS)" >&2; exit 1
fi

WORK=$(mktemp -d /tmp/jntp-vectors.XXXXXX)
PIDS=()    # daemons this script started, stopped on exit
LISTENER=  # the running request listener, if any

stop_pid() { # pid: SIGTERM, wait up to 5 s, then SIGKILL
  local pid=$1 i
  kill -TERM "$pid" 2>/dev/null || return 0
  for i in $(seq 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}
cleanup() {
  local pid
  for pid in "${PIDS[@]}" $LISTENER; do stop_pid "$pid"; done
  ip netns delete "$NS" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ip netns add "$NS"
ip -n "$NS" link set lo up
# ntpd binds only addresses configured on an interface
ip -n "$NS" addr add 127.0.0.3/32 dev lo
# Background commands are started with the ip command itself, never through a shell function:
# a backgrounded function runs in a subshell and $! would be the subshell's PID.
nsx() { ip netns exec "$NS" "${NOCLOCK[@]}" "$@"; }
start_daemon() { # pidfile log command...: runs in the namespace in the background
  local pidfile=$1 log=$2 pid i; shift 2
  ip netns exec "$NS" "${NOCLOCK[@]}" "$@" >"$log" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  for i in $(seq 100); do [ -s "$pidfile" ] && break; sleep 0.1; done
  [ -s "$pidfile" ] || { echo "$1 did not start, see $log:" >&2; cat "$log" >&2; exit 1; }
  [ "$(cat "$pidfile")" = "$pid" ] || PIDS+=("$(cat "$pidfile")")
}

CHRONY_VERSION=$("${NOCLOCK[@]}" chronyd --version | sed -n 's/^chronyd (chrony) version \([^ ]*\).*/\1/p')
NTPSEC_VERSION=$("${NOCLOCK[@]}" ntpd --version 2>&1 | sed -n 's/^ntpd ntpsec-//p')

cat >"$WORK/ntp.py" <<'PY'
"""Sends and receives the datagrams; writes each one as a .hex file with a comment header."""
import datetime, os, socket, struct, sys, time

NTP_UNIX_OFFSET = 2208988800
out_dir, versions = sys.argv[1], sys.argv[2]
command, args = sys.argv[3], sys.argv[4:]


def ntp_now():
    now = time.time()
    return ((int(now) + NTP_UNIX_OFFSET) << 32) | int((now % 1) * 2**32)


def request(poll=6):
    # LI 0, VN 4, mode 3, poll 6, everything else zero but the transmit time
    return struct.pack("!BBbb9IQ", 0x23, 0, poll, 0, *([0] * 9), ntp_now())


def save(name, data, how):
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    words = [data[i:i + 4].hex() for i in range(0, len(data), 4)]
    lines = [" ".join(words[i:i + 4]) for i in range(0, len(words), 4)]
    with open(os.path.join(out_dir, name + ".hex"), "w") as f:
        f.write(f"# {how}\n# {len(data)} bytes, captured {stamp} by scripts/capture-vectors.sh ({versions}).\n")
        f.write("\n".join(lines) + "\n")
    print(f"{name}: {data.hex()}")


def exchange(dest, source="0.0.0.0", poll=6, timeout=2.0):
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind((source, 0))
        s.settimeout(timeout)
        req = request(poll)
        s.sendto(req, (dest, 123))
        try:
            return req, s.recv(2048)
        except socket.timeout:
            return req, None


def ask(name, dest, how):
    for _ in range(20):
        req, reply = exchange(dest)
        if reply:
            save(name + ".request", req, "NTPv4 client request (python3) sent to " + how)
            save(name + ".reply", reply, "reply of " + how + " to " + name + ".request.hex")
            return
        time.sleep(0.5)
    sys.exit(f"no reply from {dest}")


def ask_ntpsec():
    # Until orphan mode (tos orphanwait 3) makes it stratum 8, ntpd answers unsynchronised:
    # leap 3, stratum 0 and the kiss code INIT.
    unsync_saved = False
    for _ in range(100):
        req, reply = exchange("127.0.0.3", timeout=0.3)
        if reply and reply[1] == 0 and reply[12:16] == b"INIT" and not unsync_saved:
            save("ntpsec-server-unsynchronized.request", req, "NTPv4 client request (python3) sent to NTPsec ntpd before orphan mode started")
            save("ntpsec-server-unsynchronized.reply", reply, "reply of NTPsec ntpd, not yet synchronised (INIT), to ntpsec-server-unsynchronized.request.hex")
            unsync_saved = True
        if reply and reply[1] == 8:
            if not unsync_saved:
                sys.exit("NTPsec was synchronised before an unsynchronised reply was seen")
            save("ntpsec-server.request", req, "NTPv4 client request (python3) sent to NTPsec ntpd")
            save("ntpsec-server.reply", reply, "reply of NTPsec ntpd in orphan mode (tos orphan 8, disable ntp) to ntpsec-server.request.hex")
            return
        time.sleep(0.1)
    sys.exit("NTPsec never reached stratum 8")


def kod():
    # "restrict 127.0.0.9 kod limited": NTPsec allows bursts of 20, then answers RATE
    for _ in range(30):
        req, reply = exchange("127.0.0.3", source="127.0.0.9", timeout=0.5)
        if reply and reply[1] == 0 and reply[12:16] == b"RATE":
            save("ntpsec-kod-rate.request", req, "NTPv4 client request (python3) from 127.0.0.9, the 21st within a second")
            save("ntpsec-kod-rate.reply", reply, "RATE kiss-o'-death of NTPsec ntpd (restrict 127.0.0.9 kod limited) to ntpsec-kod-rate.request.hex")
            return
        time.sleep(0.01)
    sys.exit("no kiss-o'-death from NTPsec")


def listen(name, how, seconds, ready_file):
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 123))
        s.settimeout(float(seconds))
        open(ready_file, "w").close()
        try:
            data, _ = s.recvfrom(2048)
        except socket.timeout:
            sys.exit("no request for " + name)
        save(name, data, how)


{"ask": lambda: ask(*args), "ask-ntpsec": ask_ntpsec, "kod": kod, "listen": lambda: listen(*args)}[command]()
PY
PY=(python3 "$WORK/ntp.py" "$OUT" "chrony $CHRONY_VERSION, NTPsec $NTPSEC_VERSION, Debian 12")
py() { nsx "${PY[@]}" "$@"; }
listen() { # name description: catches one request on 127.0.0.1:123 in the background
  local i
  ip netns exec "$NS" "${NOCLOCK[@]}" "${PY[@]}" listen "$1" "$2" 10 "$WORK/$1.ready" &
  LISTENER=$!
  for i in $(seq 100); do [ -e "$WORK/$1.ready" ] && return 0; sleep 0.1; done
  echo "listener for $1 did not start" >&2; exit 1
}
heard() { # waits for the listener; once reaped its PID may be reused, so forget it
  local pid=$LISTENER
  LISTENER=
  wait "$pid"
}

mkdir -p "$OUT"

# 1. chronyd as server: local stratum 8, no clock control
cat >"$WORK/chrony-server.conf" <<CONF
bindaddress 127.0.0.4
port 123
cmdport 0
bindcmdaddress $WORK/chrony-server.sock
pidfile $WORK/chrony-server.pid
local stratum 8
allow 127.0.0.0/8
CONF
start_daemon "$WORK/chrony-server.pid" "$WORK/chrony-server.log" chronyd -x -d -u root -f "$WORK/chrony-server.conf"
py ask chronyd-server 127.0.0.4 "chronyd $CHRONY_VERSION (-x, local stratum 8)"

# 2. NTPsec ntpd as server in orphan mode, with a rate-limited host for the kiss-o'-death
cat >"$WORK/ntp.conf" <<CONF
disable ntp
disable kernel
interface ignore ipv6
interface ignore ipv4
interface listen 127.0.0.3
tos orphan 8
tos orphanwait 3
unrestrict default noquery limited
restrict default nomodify
restrict 127.0.0.9 kod limited
logfile $WORK/ntpd.log
CONF
start_daemon "$WORK/ntpd.pid" "$WORK/ntpd.out" ntpd -n -c "$WORK/ntp.conf" -p "$WORK/ntpd.pid"
py ask-ntpsec
py kod

# 3. the requests ntpdig and chronyd send as clients, caught on 127.0.0.1:123
listen ntpdig.request "NTPsec ntpdig $NTPSEC_VERSION request (ntpdig -t 1 127.0.0.1)"
nsx ntpdig -t 1 127.0.0.1 >/dev/null 2>&1 || true
heard

listen chronyd-client.request "chronyd $CHRONY_VERSION client request (-x, server 127.0.0.1 iburst)"
cat >"$WORK/chrony-client.conf" <<CONF
port 0
cmdport 0
bindcmdaddress $WORK/chrony-client.sock
pidfile $WORK/chrony-client.pid
server 127.0.0.1 iburst
CONF
start_daemon "$WORK/chrony-client.pid" "$WORK/chrony-client.log" chronyd -x -d -u root -f "$WORK/chrony-client.conf"
heard
