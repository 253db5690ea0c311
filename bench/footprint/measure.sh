#!/usr/bin/env bash
# Measures one JVM configuration of the footprint probe (FootprintProbe.java): idle RSS and
# smaps_rollup, wakeups/s per thread and CPU over IDLE_S seconds, then a closed-loop ntpload run
# on loopback (one warm-up, one measured) with the RSS under load.
#   measure.sh NAME [JVM flags...]      java from $JAVA (default: the JDK 25) with exactly these flags
#   measure.sh --launcher NAME          as bin/jntp-java starts it (flags, runtime), from a scratch copy
#   measure.sh --ntpd NAME              the real daemon: bin/ntpd serving its local clock on
#                                       127.0.0.1:PORT with a software clock, without CAP_SYS_TIME
# Env: IDLE_S=60 LOAD_S=5 SERVERS=3 PORT=12123 JAVA=... ENV="MALLOC_ARENA_MAX=2 ..." (for the java process)
#      AOT=FILE: use this AOT cache, first training it (2 s of load) with the same flags if it is missing
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd); ROOT=$(cd "$HERE/../.." && pwd)
IDLE_S=${IDLE_S:-60}; LOAD_S=${LOAD_S:-5}; SERVERS=${SERVERS:-3}; PORT=${PORT:-12123}
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}; LOAD=${NTPLOAD:-/var/tmp/ntpload}
[ -x "$LOAD" ] || gcc -O2 -o "$LOAD" /work/shared/peers/ntpload.c
out=$ROOT/target/footprint; mkdir -p "$out"
jdk=/usr/lib/jvm/temurin-25-jdk-amd64/bin   # javac and jar; $JAVA may be a jlinked runtime
# A jar, not a class folder, so that an AOT cache (which refuses directories on the class path) can be tried.
if [ ! "$out/probe.jar" -nt "$HERE/FootprintProbe.java" ] || [ ! "$out/probe.jar" -nt "$ROOT/target/jntp.jar" ]; then
  rm -rf "$out/classes"
  "$jdk/javac" -nowarn -d "$out/classes" -cp "$ROOT/target/jntp.jar" "$HERE/FootprintProbe.java" 2>/dev/null
  "$jdk/jar" --create --file "$out/probe.jar" -C "$out/classes" .
fi
probe=org.jntp.footprint.FootprintProbe

launcher=0; [ "${1:-}" = --launcher ] && { launcher=1; shift; }
ntpd=0; [ "${1:-}" = --ntpd ] && { ntpd=1; shift; }
name=$1; shift
log=$out/$name.log
cp=$ROOT/target/jntp.jar:$out/probe.jar
if [ -n "${AOT:-}" ]; then
  if [ ! -f "$AOT" ]; then
    env ${ENV:-} "$JAVA" "$@" -XX:AOTCacheOutput="$AOT" --enable-native-access=ALL-UNNAMED -cp "$cp" \
      "$probe" "$PORT" "$SERVERS" > "$log.train" 2>&1 & t=$!
    sleep 3; "$LOAD" -d 127.0.0.1 -p "$PORT" -t 2 > /dev/null; kill -TERM $t; wait $t || true
  fi
  set -- "$@" -XX:AOTCache="$AOT"
fi
if [ $ntpd = 1 ]; then
  printf '%s\n' 'server 127.127.1.0' 'fudge 127.127.1.0 stratum 8' 'interface ignore wildcard' \
    'interface ignore ipv6' 'interface ignore ipv4' 'interface listen 127.0.0.1' 'restrict default' > "$out/ntp.conf"
  rm -f "$out/ntpd.pid"
  env ${ENV:-} setpriv --bounding-set -sys_time "$ROOT/bin/ntpd" -n -c "$out/ntp.conf" -p "$out/ntpd.pid" \
    --port "$PORT" --software-clock 0,0 > "$log" 2>&1 &
elif [ $launcher = 1 ]; then
  # A scratch JNTP_HOME whose jar holds the probe in the place of the daemon's main class, so that
  # the launcher starts it as it starts the daemon.
  home=$out/home; rm -rf "$home/bin" "$home/scripts" "$home/target/jar"; mkdir -p "$home/target/jar"
  cp -r "$ROOT/bin" "$ROOT/scripts" "$home/"
  (cd "$home/target/jar" && unzip -qo "$ROOT/target/jntp.jar" && cp -r "$out/classes/org" . &&
    printf 'package org.jntp.cli;\npublic final class Ntpd {\n  public static void main(String[] a) throws Exception {\n    %s.main(a);\n  }\n}\n' \
      "$probe" > "$out/Ntpd.java" && "$jdk/javac" -nowarn -d . -cp . "$out/Ntpd.java" &&
    "$jdk/jar" --create --file ../jntp.jar.new --manifest META-INF/MANIFEST.MF -C . . && mv ../jntp.jar.new ../jntp.jar)
  env ${ENV:-} "$home/bin/jntp-java" org.jntp.cli.Ntpd "$PORT" "$SERVERS" > "$log" 2>&1 &
else
  env ${ENV:-} "$JAVA" "$@" --enable-native-access=ALL-UNNAMED -cp "$cp" \
    "$probe" "$PORT" "$SERVERS" > "$log" 2>&1 &
fi
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
# The launcher execs java, so the java process is $pid.
ready() { if [ $ntpd = 1 ]; then [ -s "$out/ntpd.pid" ]; else grep -q '^ready' "$log" 2>/dev/null; fi; }
for _ in $(seq 600); do ready && break; sleep 0.1; done
ready || { echo "$name: did not start"; cat "$log"; exit 1; }
jpid=$pid
sleep 10

# per thread: tid name ctxt-switches cpu-ns
snap() { for t in /proc/$jpid/task/*; do
  printf '%s %s %s %s\n' "${t##*/}" "$(tr ' ' _ < "$t/comm")" \
    "$(awk '/ctxt_switches/{s+=$2} END{print s}' "$t/status")" "$(cut -d' ' -f1 "$t/schedstat")"; done 2>/dev/null; }
rollup() { awk '/^(Rss|Anonymous|Private_Clean|Private_Dirty|Shared_Clean):/{printf "%s%s ", $1, $2}' /proc/$jpid/smaps_rollup; }
rss() { awk '/^VmRSS/{print $2}' /proc/$jpid/status; }

rss0=$(rss); roll0=$(rollup)
snap > "$out/$name.snap0"; sleep "$IDLE_S"; snap > "$out/$name.snap1"
rss1=$(rss)
wake=$(join "$out/$name.snap0" "$out/$name.snap1" | awk -v s="$IDLE_S" '
  { d=$6-$3; c+=$7-$4; if (d>0) { w[$2]+=d; tot+=d } }
  END { printf "total %.2f/s cpu %.4f%% |", tot/s, c/s/1e7; for (n in w) printf " %s:%.2f", n, w[n]/s }')
threads=$(ls /proc/$jpid/task | wc -l)

"$LOAD" -d 127.0.0.1 -p "$PORT" -t "$LOAD_S" > /dev/null 2>&1
"$LOAD" -d 127.0.0.1 -p "$PORT" -t "$LOAD_S" > "$out/$name.load" 2>&1 & g=$!
sleep "$(awk -v d="$LOAD_S" 'BEGIN{print d*0.8}')"; rssl=$(rss); wait $g
rate=$(awk '/^sent/{print $6}' "$out/$name.load")
hwm=$(awk '/^VmHWM/{print $2}' /proc/$jpid/status)
sleep 5; rssa=$(rss)
printf '%s | threads %s | rss_idle_kB %s..%s (%s) | wakeups %s | load %s rss_load_kB %s hwm_kB %s rss_after_kB %s\n' \
  "$name" "$threads" "$rss0" "$rss1" "$roll0" "$wake" "$rate" "$rssl" "$hwm" "$rssa" | tee -a "$out/results.txt"
