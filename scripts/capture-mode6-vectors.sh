#!/usr/bin/env bash
# Captures real mode 6 (ntpq control protocol) exchanges with NTPsec's ntpd as test vectors for
# org.jntp.protocol.control: what NTPsec's ntpq sends for "rv 0 leap,stratum", "rv", "as" and
# "rv ASSOC", every fragment of the daemon's answers, and the answers to three requests sent from
# python3: a version 2 READVAR padded to 576 octets (what Debian's C ntpstat sends), a request for
# an unknown variable and an unknown opcode. Writes one datagram per file, as hex with a comment
# header, into src/test/resources/org/jntp/protocol/control (or the directory given as $1).
#
# ntpq talks to a relay on 127.0.0.2:123 that forwards to ntpd on 127.0.0.1:123 and records each
# datagram both ways: no packet capture tool needed. The relay's upstream socket is bound to
# 127.0.0.1, which the client's "restrict 127.0.0.1" lets query.
#
# Needs root (network namespace) and the peer daemons of scripts/peers/fetch.sh. It never touches
# the clock: everything runs without CAP_SYS_TIME (scripts/peers/env.sh), chronyd with -x, ntpd
# with "disable ntp" and "disable kernel". The namespace, the daemons (stopped by PID) and the
# scratch directory are removed on exit.
set -euo pipefail

JNTP_HOME=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=$(realpath -m "${1:-$JNTP_HOME/src/test/resources/org/jntp/protocol/control}")
WORK=$(mktemp -d /tmp/jntp-mode6-vectors.XXXXXX)
export PEERS_NETNS=jntp-mode6-vec-$$ PEERS_RUN=$WORK/run PEERS_LIFETIME_S=300
. "$JNTP_HOME/scripts/peers/env.sh"

[ "$(id -u)" = 0 ] || { echo "needs root (network namespace)" >&2; exit 1; }
command -v chronyd >/dev/null && command -v ntpd >/dev/null && command -v ntpq >/dev/null ||
  { echo "peer daemons missing under $PEERS_ROOT (run scripts/peers/fetch.sh)" >&2; exit 1; }

RELAY= # the running relay, if any
cleanup() {
  [ -z "$RELAY" ] || stop_pid "$RELAY"
  "$JNTP_HOME/scripts/peers/stop.sh" ntpsec-client chrony-server 2>/dev/null || true
  "$JNTP_HOME/scripts/peers/netns.sh" down "$PEERS_NETNS" || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

NTPSEC_VERSION=$("${NOCLOCK[@]}" ntpd --version 2>&1 | sed -n 's/^ntpd ntpsec-//p')

cat >"$WORK/mode6.py" <<'PY'
"""Relays one ntpq session and records it, or sends one request of its own; writes .hex files."""
import datetime, os, select, socket, struct, sys, time

out_dir, version = sys.argv[1], sys.argv[2]
command, args = sys.argv[3], sys.argv[4:]
DAEMON = ("127.0.0.1", 123)


def save(name, data, how):
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    words = [data[i:i + 4].hex() for i in range(0, len(data), 4)]
    lines = [" ".join(words[i:i + 4]) for i in range(0, len(words), 4)]
    with open(os.path.join(out_dir, name + ".hex"), "w") as f:
        f.write(f"# {how}\n# {len(data)} bytes, captured {stamp} by scripts/capture-mode6-vectors.sh"
                f" (NTPsec {version}, Debian 12).\n")
        f.write("\n".join(lines) + "\n")
    print(f"{name}: {len(data)} bytes")


def relay(name, what, ready_file):
    front = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    front.bind(("127.0.0.2", 123))
    back = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    back.bind(("127.0.0.1", 0))
    open(ready_file, "w").close()
    client, requests, replies = None, 0, 0
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        ready, _, _ = select.select([front, back], [], [], 1.5)
        if not ready:
            if requests:
                break
            continue
        for s in ready:
            data, addr = s.recvfrom(2048)
            if s is front:
                client, requests = addr, requests + 1
                save(f"{name}.request{requests}", data, f"NTPsec ntpq {version} request {requests} for {what}")
                back.sendto(data, DAEMON)
            elif client:
                replies += 1
                save(f"{name}.reply{replies}", data, f"NTPsec ntpd {version} reply datagram {replies} for {what}")
                front.sendto(data, client)


def ask(name, request_hex, how):
    request = bytes.fromhex(request_hex)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        s.settimeout(2.0)
        s.sendto(request, DAEMON)
        save(name + ".request", request, how)
        n = 0
        try:
            while True:
                data = s.recv(2048)
                n += 1
                save(f"{name}.reply{n}", data, f"NTPsec ntpd {version} reply datagram {n} to {name}.request.hex")
                if not data[1] & 0x20:  # no More bit: the last fragment
                    return
        except socket.timeout:
            sys.exit(f"no complete reply to {name}")


{"relay": lambda: relay(*args), "ask": lambda: ask(*args)}[command]()
PY
PY=(python3 "$WORK/mode6.py" "$OUT" "$NTPSEC_VERSION")

session() { # name what ntpq-args...: one ntpq run through the relay
  local name=$1 what=$2 i; shift 2
  rm -f "$WORK/relay.ready"
  ip netns exec "$PEERS_NETNS" "${NOCLOCK[@]}" "${PY[@]}" relay "$name" "$what" "$WORK/relay.ready" &
  RELAY=$!
  for i in $(seq 100); do [ -e "$WORK/relay.ready" ] && break; sleep 0.1; done
  in_netns ntpq "$@" 127.0.0.2 | tee "$OUT/$name.ntpq.txt"
  wait "$RELAY"
  RELAY=
}

mkdir -p "$OUT"
"$JNTP_HOME/scripts/peers/netns.sh" up "$PEERS_NETNS"
"$JNTP_HOME/scripts/peers/start-chrony-server.sh" 192.0.2.4 chrony-server >/dev/null
POLL=4 "$JNTP_HOME/scripts/peers/start-ntpsec-client.sh" 192.0.2.4 ntpsec-client >/dev/null

# wait until the client has selected chronyd: the tally '*' in ntpq -p
for i in $(seq 90); do
  in_netns ntpq -p 127.0.0.1 2>/dev/null | grep -q '^\*' && break
  sleep 1
done
in_netns ntpq -p 127.0.0.1 | grep -q '^\*' || { echo "the NTPsec client never selected its server" >&2; exit 1; }

session ntpq-rv0-leap-stratum 'ntpq -c "rv 0 leap,stratum"' -c "rv 0 leap,stratum"
session ntpq-rv 'ntpq -c rv' -c rv
session ntpq-as 'ntpq -c as' -c as
assoc=$(in_netns ntpq -c as 127.0.0.1 | awk '$1 == 1 {print $2}')
session ntpq-rv-assoc "ntpq -c \"rv ASSOC\" (the association of the selected server)" -c "rv $assoc"

ask() { in_netns "${PY[@]}" ask "$@"; }
# LI 0, VN 2, mode 6; READVAR, sequence 1, association 0, offset 0, count 0; 564 zero octets
ask ntpstat-readvar-v2 "160200010000000000000000$(printf '%01128d' 0)" \
  "READVAR as Debian's C ntpstat sends it (python3): VN 2, sequence 1, 576 octets"
# VN 4 READVAR, sequence 7, association 0, count 8: "nosuchv" plus a NUL, padded to 24 octets
ask readvar-unknown "2602000700000000000000086e6f73756368760000000000" \
  "READVAR for an unknown variable (python3): VN 4, sequence 7, data \"nosuchv\\0\", padded to 24 octets"
# VN 4, opcode 7 (ASYNCMSG, which no daemon serves), sequence 9
ask bad-opcode "26070009000000000000000000000000" \
  "request with opcode 7 (python3): VN 4, sequence 9, no data, padded to 16 octets"
