#!/usr/bin/env bash
# idle.sh : what jntp costs when nobody asks it anything, with chronyd and NTPsec's ntpd beside it
# for reference (jntp and chronyd serving their local clock at stratum 8, NTPsec as an orphan at
# stratum 8, in a namespace of their own, no traffic): RSS, CPU %
# and wakeups/s (voluntary + involuntary context switches of all threads) over IDLE_S seconds,
# measured on all three at once after SETTLE_S seconds, and the threads that woke and ran most; beside them, what
# a bare wake costs on this machine meanwhile (bench/wakecost.c), which on a virtual machine follows
# the host's load and sets the floor of any daemon's idle CPU.
# CPU and wakeups are summed over the threads alive at the end; a thread that ended inside the
# window is counted under "threads ended" and its share is missing.
# PACKAGE=1 measures the package's daemon instead of bin/ntpd: target/jntp_*.deb (built by
# scripts/package if missing) unpacked with dpkg-deb -x, its launcher run with -u nobody:nogroup,
# as the systemd unit runs it with -u ntp:ntp.
# Env: IDLE_S=60 SETTLE_S=15 JNTP_ARGS= (extra bin/ntpd arguments) PACKAGE=0
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
IDLE_S=${IDLE_S:-60}; SETTLE_S=${SETTLE_S:-15}; PACKAGE=${PACKAGE:-0}
(( IDLE_S >= 1 && IDLE_S <= 3600 && SETTLE_S <= 600 )) || { echo "IDLE_S 1-3600, SETTLE_S <= 600" >&2; exit 2; }
bench_up jntp chronyd ntpsec
if [ "$PACKAGE" = 1 ]; then
  deb=$(compgen -G "$JNTP_HOME/target/jntp_*_amd64.deb" | head -1 || true)
  [ -n "$deb" ] || deb=$("$JNTP_HOME/scripts/package" | tail -1)
  export JNTP_NTPD=$PEERS_RUN/package/usr/lib/jntp/bin/ntpd
  mkdir -p "$PEERS_RUN/package"
  dpkg-deb -x "$deb" "$PEERS_RUN/package"
fi
declare -A PID ADDR=([jntp]=127.0.0.3 [chronyd]=127.0.0.4 [ntpsec]=127.0.0.5)
read -r -a jntp_args <<<"${JNTP_ARGS:-}"
[ "$PACKAGE" != 1 ] || jntp_args+=(-u nobody:nogroup)
PID[jntp]=$("$PEERS/start-jntp.sh" "${ADDR[jntp]}" jntp "${jntp_args[@]}")
PID[chronyd]=$("$PEERS/start-chrony-server.sh" "${ADDR[chronyd]}" chronyd)
PID[ntpsec]=$("$PEERS/start-ntpsec-server.sh" "${ADDR[ntpsec]}" ntpsec)
ntpsec_version=$(ntpd --version 2>&1 | head -1)
echo "# $(describe), $ntpsec_version"
[ "$PACKAGE" != 1 ] || echo "# jntp is the package's daemon: ${deb##*/}"
echo "# jntp pid ${PID[jntp]}, chronyd pid ${PID[chronyd]}, ntpsec pid ${PID[ntpsec]}; settling ${SETTLE_S} s, then ${IDLE_S} s idle"
sleep "$SETTLE_S"
for d in jntp chronyd ntpsec; do threads "${PID[$d]}" >"$PEERS_RUN/$d.t0"; done
wakecost=$(bench_bin wakecost)
b0=($(machine_ticks)); wake_us=$("$wakecost" "$IDLE_S"); b1=($(machine_ticks))
for d in jntp chronyd ntpsec; do threads "${PID[$d]}" >"$PEERS_RUN/$d.t1"; rss_kb "${PID[$d]}" >"$PEERS_RUN/$d.rss"; done
busy=$(awk -v t=$((b1[0] - b0[0])) -v hz="$HZ" -v s="$IDLE_S" 'BEGIN{printf "%.1f", t / hz / s * 100}')

# idle_of D : "cpu_pct cpu_ms wakeups_per_s threads ended rss_kb hwm_kb woke-most|busiest" for daemon D
idle_of() {
  awk -v s="$IDLE_S" -v rss="$(cat "$PEERS_RUN/$1.rss")" '
    FNR == NR { ns0[$1] = $2; w0[$1] = $3; next }
    { ns += $2 - ns0[$1]; c[$4 "/" $1] = $2 - ns0[$1]; w[$4 "/" $1] = $3 - w0[$1]; ws += $3 - w0[$1]; alive[$1] = 1; n++ }
    # top3(a, format, scale): the three largest positive entries of a, each as "thread format(value / scale)"
    function top3(a, format, scale,   k, t, best, out) {
      out = ""
      for (k = 0; k < 3; k++) { best = ""; for (t in a) if (best == "" || a[t] > a[best]) best = t
        if (best == "" || a[best] <= 0) break; out = out sprintf("%s%s " format, out == "" ? "" : ", ", best, a[best] / scale); delete a[best] }
      return out == "" ? "none" : out
    }
    END {
      for (t in ns0) if (!(t in alive)) ended++
      printf "%.4f %.1f %.2f %d %d %s %s|%s\n", ns / s / 1e7, ns / 1e6, ws / s, n, ended, rss, top3(w, "%.2f/s", s),
        top3(c, "%.1f ms", 1e6) }
  ' "$PEERS_RUN/$1.t0" "$PEERS_RUN/$1.t1"
}
declare -A R
for d in jntp chronyd ntpsec; do
  R[$d]=$(idle_of "$d")
  read -r pct ms wk n ended rss hwm top <<<"${R[$d]}"
  echo "$d: cpu ${pct}% (${ms} ms in ${IDLE_S} s), ${wk} wakeups/s, ${n} threads (${ended} ended), rss ${rss} kB hwm ${hwm} kB; woke most: ${top%%|*}; busiest: ${top#*|}"
done
echo "# the whole machine was ${busy}% busy (of one cpu) meanwhile; a bare wake (bench/wakecost.c, once a second) cost ${wake_us} us"
field() { cut -d' ' -f"$2" <<<"${R[$1]}"; }
mb() { awk -v k="$1" 'BEGIN{printf "%.1f", k / 1024}'; }
cat <<SUMMARY

### Idle (bench/idle.sh)
$(describe), $ntpsec_version; ${IDLE_S} s without traffic after ${SETTLE_S} s, all three at once

| | jntp | chronyd | NTPsec |
| --- | ---: | ---: | ---: |
| RSS idle, MB | $(mb "$(field jntp 6)") | $(mb "$(field chronyd 6)") | $(mb "$(field ntpsec 6)") |
| CPU, % of one cpu | $(field jntp 1) | $(field chronyd 1) | $(field ntpsec 1) |
| wakeups/s (context switches, all threads) | $(field jntp 3) | $(field chronyd 3) | $(field ntpsec 3) |
| threads | $(field jntp 4) | $(field chronyd 4) | $(field ntpsec 4) |

A bare wake cost ${wake_us} µs of CPU here meanwhile (bench/wakecost.c), so that one wake a second
alone would be $(awk -v u="$wake_us" 'BEGIN{printf "%.4f", u / 1e4}') % of one cpu.
SUMMARY
