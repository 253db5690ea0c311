#!/usr/bin/env bash
# tools-start.sh : wall time of one query tool run, ours against the real ones, in the same run
# and namespace: `ntpq -p` (bin/ntpq and NTPsec's Python ntpq) against an NTPsec ntpd on
# 127.0.0.1 that follows a chronyd on 192.0.2.2; bin/ntpq -p against our ntpd on 127.0.0.3; and
# ntpstat (bin/ntpstat and Debian's C ntpstat) against the NTPsec ntpd. The tools run in turn,
# REPS rounds; it prints the median and the fastest of each. Before the rounds it waits (at most
# 60 s) for the machine to be quieter than QUIET_PCT %, and prints the load it found.
# PACKAGE=1 adds the installed package's `ntpq -p` against our ntpd: target/jntp_*.deb (built by
# scripts/package if missing) unpacked with dpkg-deb -x, its tools' AOT cache made as its postinst
# makes it, in /var/cache/jntp on a tmpfs of the namespace's own mount namespace (nothing is
# installed on this host; the paths differ from an installed package's only in their prefix).
# Env: REPS=15 QUIET_PCT=20 PACKAGE=0
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
REPS=${REPS:-15}; QUIET_PCT=${QUIET_PCT:-20}; PACKAGE=${PACKAGE:-0}
(( REPS >= 1 && REPS <= 100 )) || { echo "REPS 1-100" >&2; exit 2; }
pkg=
if [ "$PACKAGE" = 1 ]; then
  deb=$(compgen -G "$JNTP_HOME/target/jntp_*_amd64.deb" | head -1 || true)
  [ -n "$deb" ] || deb=$("$JNTP_HOME/scripts/package" | tail -1)
  pkg=$PEERS_RUN/package
  rm -rf "$pkg"; mkdir -p "$pkg"
  dpkg-deb -x "$deb" "$pkg"
fi
"$JNTP_HOME/bin/ntpq" --version >/dev/null   # builds the jar and the tools' AOT cache if needed
bench_up ntpsec chronyd jntp
"$PEERS/start-chrony-server.sh" 192.0.2.2 chronyd >/dev/null
"$PEERS/start-ntpsec-client.sh" 192.0.2.2 ntpsec >/dev/null
"$PEERS/start-jntp.sh" 127.0.0.3 jntp >/dev/null
for i in $(seq 30); do   # until NTPsec shows its source as selected, so that every ntpq prints the same
  in_netns ntpq -pn 127.0.0.1 2>/dev/null | grep -q '^\*' && break
  sleep 1
done
echo "# $(describe)"
in_netns "$JNTP_HOME/bin/ntpq" -p 127.0.0.1 | sed 's/^/#   /'
echo "# machine $(wait_quiet "$QUIET_PCT") % busy before the rounds; $REPS rounds; wall ms: median, fastest"

TOOLS=(
  "bin/ntpq -p 127.0.0.1 (NTPsec ntpd)|$JNTP_HOME/bin/ntpq -p 127.0.0.1"
  "NTPsec ntpq -p 127.0.0.1|ntpq -p 127.0.0.1"
  "bin/ntpq -p 127.0.0.3 (jntp)|$JNTP_HOME/bin/ntpq -p 127.0.0.3"
  "bin/ntpstat (NTPsec ntpd)|$JNTP_HOME/bin/ntpstat"
  "Debian ntpstat (NTPsec ntpd)|ntpstat"
)
[ -z "$pkg" ] || TOOLS+=("package's ntpq -p 127.0.0.3 (jntp)|$pkg/usr/bin/ntpq -p 127.0.0.3")
# The rounds run in one shell inside the namespace, so that entering it is not timed.
in_netns env PKG="$pkg" bash -s "$REPS" "${TOOLS[@]}" <<'ROUNDS'
reps=$1; shift
if [ -n "$PKG" ]; then   # the postinst's cache, in this mount namespace only
  mount -t tmpfs -o size=64m tmpfs /var/cache && mkdir /var/cache/jntp
  . "$PKG/usr/lib/jntp/bin/jntp-flags"
  "$PKG/usr/lib/jntp/runtime/bin/java" "${jntp_tool_flags[@]}" -XX:AOTCacheOutput=/var/cache/jntp/jntp-tools.aot \
    --enable-native-access=ALL-UNNAMED -cp "$PKG/usr/lib/jntp/jntp.jar" org.jntp.cli.ToolsTraining >/dev/null 2>&1
  ls /var/cache/jntp/jntp-tools.aot >/dev/null
fi
declare -A times
for r in $(seq "$reps"); do
  n=0
  for tool in "$@"; do
    cmd=${tool#*|}
    s=$(date +%s%N); $cmd >/dev/null 2>&1 || true; e=$(date +%s%N)
    times[$n]+="$(( (e - s) / 1000 )) "; n=$((n + 1))
  done
done
n=0
for tool in "$@"; do
  printf '%s\n' ${times[$n]} | sort -n | awk -v name="${tool%%|*}" '{a[NR] = $1}
    END { printf "%-40s median %6.1f ms  fastest %6.1f ms\n", name, a[int((NR + 1) / 2)] / 1000, a[1] / 1000 }'
  n=$((n + 1))
done
ROUNDS
