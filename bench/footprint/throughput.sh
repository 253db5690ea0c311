#!/usr/bin/env bash
# Compares the closed-loop ntpload rate of JVM configurations on loopback: each configuration
# (one per line in FILE: NAME FLAGS...) is started, warmed with one load run, then measured REPS
# times; configurations are interleaved round by round so that machine noise spreads evenly.
# Prints each run's rate and the server's user and system CPU per response (user time is the
# Java side, which is what the JIT choice changes; system time is the kernel's UDP path).
# Env: REPS=3 LOAD_S=5 SERVERS=3 JAVA=... ENV=... PIN=1 (server on CPU 1, generator on CPU 0)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd); ROOT=$(cd "$HERE/../.." && pwd)
REPS=${REPS:-3}; LOAD_S=${LOAD_S:-5}; SERVERS=${SERVERS:-3}; PIN=${PIN:-0}
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}; LOAD=${NTPLOAD:-/var/tmp/ntpload}
cp=$ROOT/target/jntp.jar:$ROOT/target/footprint/probe.jar
[ -f "$ROOT/target/footprint/probe.jar" ] || { echo "run measure.sh once first (builds the probe)"; exit 1; }
srvpin=; genpin=; [ "$PIN" = 1 ] && { srvpin="taskset -c 1"; genpin="taskset -c 0"; }
mapfile -t configs < "$1"
pids=(); ports=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
for i in "${!configs[@]}"; do
  read -r name flags <<< "${configs[$i]}"
  port=$((12200 + i)); ports+=("$port")
  env ${ENV:-} $srvpin "$JAVA" $flags --enable-native-access=ALL-UNNAMED -cp "$cp" org.jntp.footprint.FootprintProbe "$port" "$SERVERS" \
    > "$ROOT/target/footprint/tp-$name.log" 2>&1 &
  pids+=($!)
done
sleep 3
for i in "${!configs[@]}"; do $genpin "$LOAD" -d 127.0.0.1 -p "${ports[$i]}" -t "$LOAD_S" > /dev/null; done
declare -A rates
for r in $(seq "$REPS"); do
  for i in "${!configs[@]}"; do
    t0=($(cut -d' ' -f14,15 /proc/${pids[$i]}/stat))
    recv=$($genpin "$LOAD" -d 127.0.0.1 -p "${ports[$i]}" -t "$LOAD_S" | awk '/^sent/{print $4}')
    t1=($(cut -d' ' -f14,15 /proc/${pids[$i]}/stat))
    rates[$i]="${rates[$i]:-} $(awk -v n="$recv" -v s="$LOAD_S" -v u=$((t1[0]-t0[0])) -v k=$((t1[1]-t0[1])) -v hz="$(getconf CLK_TCK)" \
      'BEGIN{printf "%.0f/s(usr %.2f sys %.2f us/resp)", n/s, u/hz*1e6/n, k/hz*1e6/n}')"
  done
done
for i in "${!configs[@]}"; do
  read -r name _ <<< "${configs[$i]}"
  echo "$name:${rates[$i]} rss_kB $(awk '/^VmRSS/{print $2}' /proc/${pids[$i]}/status)"
done
