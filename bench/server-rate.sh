#!/usr/bin/env bash
# server-rate.sh : closed-loop response rate of jntp and of chronyd (both serving their local
# clock at stratum 8, no rate limit) under the same load generator, in one namespace of its own,
# in the same run: jntp on 127.0.0.3, chronyd on 127.0.0.4. REPS rounds; each round measures both,
# alternating which goes first. Per run: rate, server CPU µs per response (/proc/PID/stat, threads
# that ended included), RSS; at the end the medians and the median of the per-round ratios.
# A run during which other processes used more than MAX_OTHER % of a cpu is discarded and repeated
# (at most MAX_TRIES times); before each run it waits (at most 60 s) for the machine to be quieter
# than QUIET_PCT %.
# NTS=1 adds runs of NTS requests (RFC 8915) against the same jntp, which then serves NTS-KE with a
# throw-away certificate: one NTS request, made by bench/NtsRequest.java after a real key exchange,
# sent over and over (ntpload -f; every one is answered in full: cookie opened, authenticator
# checked, fresh cookie sealed), beside the plain runs, and NTS-KE handshakes/s (HANDSHAKE_S, 4
# clients at once).
# Env: REPS=5 DUR=5 WARMUP_S=10 NSOCK=8 WINDOW=64 BATCH=16 PIN=0 (1: servers on cpu 1, generator
#      on cpu 0) QUIET_PCT=50 MAX_OTHER=10 MAX_TRIES=4 JNTP_ARGS= (extra bin/ntpd arguments)
#      NTS=0 HANDSHAKE_S=5
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
REPS=${REPS:-5}; DUR=${DUR:-5}; WARMUP_S=${WARMUP_S:-10}; NSOCK=${NSOCK:-8}; WINDOW=${WINDOW:-64}
BATCH=${BATCH:-16}; PIN=${PIN:-0}; NTS=${NTS:-0}; HANDSHAKE_S=${HANDSHAKE_S:-5}; QUIET_PCT=${QUIET_PCT:-50}; MAX_OTHER=${MAX_OTHER:-10}; MAX_TRIES=${MAX_TRIES:-4}
(( REPS >= 1 && REPS <= 50 && DUR >= 1 && DUR <= 60 && WARMUP_S <= 120 )) || { echo "REPS 1-50, DUR 1-60, WARMUP_S <= 120" >&2; exit 2; }
LOAD=$(bench_bin ntpload)
bench_up jntp chronyd
declare -A PID ADDR=([jntp]=127.0.0.3 [chronyd]=127.0.0.4)
read -r -a jntp_args <<<"${JNTP_ARGS:-}"
DAEMONS=(jntp chronyd)
nts_conf=
if [ "$NTS" = 1 ]; then
  mkdir -p "$PEERS_RUN"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj "/CN=${ADDR[jntp]}" \
    -addext "subjectAltName=IP:${ADDR[jntp]}" -keyout "$PEERS_RUN/nts-key.pem" -out "$PEERS_RUN/nts-cert.pem" 2>/dev/null
  nts_conf=$'nts enable\n'"nts cert $PEERS_RUN/nts-cert.pem"$'\n'"nts key $PEERS_RUN/nts-key.pem"
  DAEMONS=(jntp jntp-nts chronyd)
fi
PID[jntp]=$(JNTP_SOURCES="$nts_conf" "$PEERS/start-jntp.sh" "${ADDR[jntp]}" jntp "${jntp_args[@]}")
PID[chronyd]=$("$PEERS/start-chrony-server.sh" "${ADDR[chronyd]}" chronyd)
GENPIN=()
if [ "$PIN" = 1 ]; then
  taskset -apc 1 "${PID[jntp]}" >/dev/null; taskset -apc 1 "${PID[chronyd]}" >/dev/null; GENPIN=(taskset -c 0)
fi
echo "# $(describe)"
echo "# jntp pid ${PID[jntp]} on ${ADDR[jntp]}, chronyd pid ${PID[chronyd]} on ${ADDR[chronyd]};" \
  "ntpload closed loop, $DUR s a run, $NSOCK sockets, window $WINDOW, batch $BATCH, pin $PIN"
sleep 2
declare -A RSS_IDLE
for d in jntp chronyd; do RSS_IDLE[$d]=$(rss_kb "${PID[$d]}" | cut -d' ' -f1); done

HANDSHAKES=
if [ "$NTS" = 1 ]; then
  PID[jntp-nts]=${PID[jntp]}; ADDR[jntp-nts]=${ADDR[jntp]}
  nts_out=$(in_netns "$JAVA_HOME/bin/java" -cp "$JNTP_HOME/target/jntp.jar" "$JNTP_HOME/bench/NtsRequest.java" \
    "${ADDR[jntp]}" 4460 "$PEERS_RUN/nts-request" "$HANDSHAKE_S" 4)
  echo "# NTS: $(tr '\n' ';' <<<"$nts_out")"
  HANDSHAKES=$(sed -n 's/.*: \([0-9]*\)\/s$/\1/p' <<<"$nts_out")
fi

# load D SECONDS : one closed-loop run against daemon D (jntp-nts: jntp, with the NTS request); prints the ntpload output
load() {
  local file=(); [ "$1" = jntp-nts ] && file=(-f "$PEERS_RUN/nts-request")
  in_netns "${GENPIN[@]}" "$LOAD" -d "${ADDR[$1]}" -t "$2" -n "$NSOCK" -w "$WINDOW" -b "$BATCH" "${file[@]}"
}

for d in "${DAEMONS[@]}"; do   # the JIT compiles jntp's packet paths; chronyd gets the same for fairness
  echo "# warm-up $d: $(load "$d" "$WARMUP_S" | tail -n 1)"
done

RESULTS=$PEERS_RUN/results   # rep daemon rate us_per_response rss_kb
: >"$RESULTS"
# measure REP D : a run against D that other processes did not disturb (or the last try); records it
measure() {
  local rep=$1 d=$2 try q0 c0 c1 s0 s1 out line rss other
  for try in $(seq "$MAX_TRIES"); do
    q0=$(wait_quiet "$QUIET_PCT")
    c0=$(cpu_ticks "${PID[$d]}"); s0=($(machine_ticks))
    out=$PEERS_RUN/load.out
    load "$d" "$DUR" >"$out" 2>&1 &
    sleep "$(awk -v d="$DUR" 'BEGIN{print d / 2}')"; rss=$(rss_kb "${PID[$d]}")
    wait $! || { cat "$out" >&2; return 1; }
    c1=$(cpu_ticks "${PID[$d]}"); s1=($(machine_ticks))
    line=$(awk -v rep="$rep" -v d="$d" -v dur="$DUR" -v hz="$HZ" -v srv=$((c1 - c0)) -v all=$((s1[0] - s0[0])) \
      -v irq=$((s1[1] - s0[1])) -v rss="$rss" -v q0="$q0" -v try="$try" '
      /^stats/ { for (i = 1; i < NF; i++) if ($i ~ /^(lost|kod|unsync|invalid)$/) st[$i] = $(i + 1) }
      /^cpu user/ { gen = $3 + $5 }
      /^sent/ { sent = $2; recv = $4 }
      END {
        split(rss, m, " "); srvs = srv / hz; other = all / hz - srvs - gen; if (other < 0) other = 0
        printf "%s %s %.0f %.2f %s | rep %d %-7s %7.0f/s  sent %s recv %s lost %s kod %s unsync %s | server cpu %3.0f%% %5.2f us/resp | gen cpu %3.0f%% softirq %3.0f%% other %3.0f%% | rss %s kB hwm %s kB | busy before %s%% try %d\n",
          rep, d, recv / dur, (recv > 0 ? srvs * 1e6 / recv : 0), m[1], rep, d, recv / dur, sent, recv, st["lost"], st["kod"],
          st["unsync"], srvs / dur * 100, (recv > 0 ? srvs * 1e6 / recv : 0), gen / dur * 100, irq / hz / dur * 100,
          other / dur * 100, m[1], m[2], q0, try }' "$out")
    other=$(sed -n 's/.* other *\([0-9]*\)%.*/\1/p' <<<"$line")
    if [ "$other" -le "$MAX_OTHER" ] || [ "$try" = "$MAX_TRIES" ]; then
      echo "${line#* | }"; cut -d' ' -f1-5 <<<"$line" >>"$RESULTS"; return 0
    fi
    echo "  (discarded: other processes used ${other}% of a cpu) ${line#* | }"; sleep 5
  done
}

for rep in $(seq "$REPS"); do
  if (( rep % 2 )); then order=("${DAEMONS[@]}"); else order=(); for d in "${DAEMONS[@]}"; do order=("$d" "${order[@]}"); done; fi
  for d in "${order[@]}"; do measure "$rep" "$d"; done
done
for d in jntp chronyd; do echo "# rss after: $d $(rss_kb "${PID[$d]}") kB (rss hwm)"; done

col() { awk -v d="$1" -v c="$2" '$2 == d {print $c}' "$RESULTS" | median; }
div() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", (b > 0 ? a / b : 0)}'; }
mb() { awk -v k="$1" 'BEGIN{printf "%.1f", k / 1024}'; }
max_rss() { awk -v d="$1" '$2 == d && $5 > m {m = $5} END{print m + 0}' "$RESULTS"; }
ratios=$(awk '{v[$1, $2] = $3} END{for (k in v) {split(k, p, SUBSEP); if (p[2] == "jntp" && v[p[1], "chronyd"] > 0) printf "%.3f\n", v[k] / v[p[1], "chronyd"]}}' "$RESULTS" | sort -g)
cat <<SUMMARY

### Server response rate (bench/server-rate.sh)
$(describe); closed loop, $REPS rounds of $DUR s, alternating

| | jntp | chronyd | jntp / chronyd |
| --- | ---: | ---: | ---: |
| responses/s, median | $(col jntp 3) | $(col chronyd 3) | $(median <<<"$ratios") (median of the rounds' ratios, $(head -n 1 <<<"$ratios")-$(tail -n 1 <<<"$ratios")) |
| server CPU µs per response, median | $(col jntp 4) | $(col chronyd 4) | $(div "$(col jntp 4)" "$(col chronyd 4)") |
| RSS before load, MB | $(mb "${RSS_IDLE[jntp]}") | $(mb "${RSS_IDLE[chronyd]}") | |
| RSS under load, max, MB | $(mb "$(max_rss jntp)") | $(mb "$(max_rss chronyd)") | |
SUMMARY
if [ "$NTS" = 1 ]; then
  nts_ratios=$(awk '{v[$1, $2] = $3} END{for (k in v) {split(k, p, SUBSEP); if (p[2] == "jntp-nts" && v[p[1], "jntp"] > 0) printf "%.3f\n", v[k] / v[p[1], "jntp"]}}' "$RESULTS" | sort -g)
  cat <<NTS_SUMMARY
| NTS responses/s, median | $(col jntp-nts 3) | | NTS / plain on jntp: $(median <<<"$nts_ratios") (median of the rounds' ratios, $(head -n 1 <<<"$nts_ratios")-$(tail -n 1 <<<"$nts_ratios")) |
| server CPU µs per NTS response, median | $(col jntp-nts 4) | | |
| NTS-KE handshakes/s, 4 clients | $HANDSHAKES | | |
NTS_SUMMARY
fi
