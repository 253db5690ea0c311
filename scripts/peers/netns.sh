#!/usr/bin/env bash
# netns.sh up|down [NAME] : create or delete a network namespace for peer daemons (default
# $PEERS_NETNS). netns.sh sweep : delete the namespaces that runs which died left behind: those
# named jntp-...-PID whose PID is gone and which have no process inside. Its own loopback means port 123 never collides with anything on the host, and
# no packet from it can reach another machine.
#   lo           127.0.0.1/8, ::1, plus 127.0.0.2-127.0.0.5/32: daemons that bind only addresses
#                configured on an interface (ntpd, NTPsec) can each get one of their own
#   jntp0/jntp1  a veth pair whose both ends stay inside (until "remote"), with TEST-NET-1 addresses
#                192.0.2.1-4/24 and 2001:db8::1-4/64: NTPsec refuses "server 127.0.0.x" for x != 1
#                (ISBADADR), so an NTPsec client reaches other daemons there
# netns.sh remote [NAME] : a second namespace, NAME-remote, for another host on the same network:
# jntp1 moves into it with 192.0.2.100/24 and 2001:db8::100/64, so what it sends to 192.0.2.1-4
# comes from an address that is not NAME's own. down and sweep delete it with NAME.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
name=${2:-$PEERS_NETNS}
ns() { ip -n "$name" "$@"; }
case "${1:-}" in
  up)
    ip netns list | grep -qx "$name\( (id: [0-9]*)\)\?" || ip netns add "$name"
    ns link set lo up
    for i in 2 3 4 5; do ns addr replace "127.0.0.$i/32" dev lo; done
    ns link show jntp0 >/dev/null 2>&1 || ns link add jntp0 type veth peer name jntp1
    ns link set jntp0 up; ns link set jntp1 up
    for i in 1 2 3 4; do
      ns addr replace "192.0.2.$i/24" dev jntp0
      ns addr replace "2001:db8::$i/64" dev jntp0 nodad
    done
    ;;
  remote)
    remote=$name-remote
    ip netns list | grep -qx "$remote\( (id: [0-9]*)\)\?" || ip netns add "$remote"
    ip -n "$remote" link set lo up
    ip -n "$remote" link show jntp1 >/dev/null 2>&1 || ns link set jntp1 netns "$remote"
    ip -n "$remote" addr replace 192.0.2.100/24 dev jntp1
    ip -n "$remote" addr replace 2001:db8::100/64 dev jntp1 nodad
    ip -n "$remote" link set jntp1 up
    ;;
  down)
    if ip netns list | grep -qx "$name-remote\( (id: [0-9]*)\)\?"; then
      ip netns delete "$name-remote"
    fi
    ip netns list | grep -qx "$name\( (id: [0-9]*)\)\?" || exit 0
    left=$(ip netns pids "$name" | tr '\n' ' ')
    [ -z "$left" ] || echo "netns $name: still running inside (not ended here): $left" >&2
    ip netns delete "$name"
    ;;
  sweep)
    for ns in $(ip netns list | awk '{print $1}' | grep -E '^jntp-.+-[0-9]+(-remote)?$' || true); do
      base=${ns%-remote}; pid=${base##*-}
      if ! kill -0 "$pid" 2>/dev/null && [ -z "$(ip netns pids "$ns")" ]; then
        ip netns delete "$ns" && echo "netns $ns: left by pid $pid, deleted"
      fi
    done
    ;;
  *) echo "usage: $0 up|remote|down [NAME] | sweep" >&2; exit 2 ;;
esac
