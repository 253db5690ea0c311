# Sourced by the bench/ scripts: a namespace of their own, the load generator, and readings of a
# daemon's CPU, wakeups and memory from /proc. Sources scripts/peers/env.sh.
. "$(dirname "${BASH_SOURCE[0]}")/../scripts/peers/env.sh"
# JAVA_HOME: a Java 25 runtime, for the harnesses that run Java themselves (NTS=1 server-rate.sh)
. "$JNTP_HOME/bin/jntp-env"
export PEERS_NETNS=jntp-bench-$$ PEERS_RUN=/tmp/jntp-bench-$$ PEERS_LIFETIME_S=${PEERS_LIFETIME_S:-1800}
PEERS=$JNTP_HOME/scripts/peers
HZ=$(getconf CLK_TCK)

# bench_up NAME... : the namespace, and a trap that stops the daemons NAME... and removes it on exit
bench_up() {
  BENCH_DAEMONS=("$@")
  trap bench_down EXIT
  trap 'exit 130' INT TERM
  "$PEERS/netns.sh" up
}
bench_down() {
  "$PEERS/stop.sh" "${BENCH_DAEMONS[@]}" 2>/dev/null || true
  "$PEERS/netns.sh" down || true
  rm -rf "$PEERS_RUN"
}

# bench_bin NAME : bench/NAME.c built into target/bench when missing or older than its source;
# prints the binary's path (ntpload: the load generator; wakecost: a bare wake's cost)
bench_bin() {
  local src=$JNTP_HOME/bench/$1.c bin=$JNTP_HOME/target/bench/$1
  if [ ! -x "$bin" ] || [ "$src" -nt "$bin" ]; then
    mkdir -p "$(dirname "$bin")"
    gcc -O2 -Wall -o "$bin" "$src" >&2
  fi
  echo "$bin"
}

# cpu_ticks PID : CPU time of the whole process in clock ticks, threads that ended included
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# threads PID : one line per live thread: tid, CPU ns, voluntary + involuntary context switches, name
threads() {
  local t
  for t in /proc/"$1"/task/*; do
    printf '%s %s %s %s\n' "${t##*/}" "$(awk '{print $1}' "$t/schedstat" 2>/dev/null || echo 0)" \
      "$(awk '/ctxt_switches/{s += $2} END{print s + 0}' "$t/status" 2>/dev/null || echo 0)" \
      "$(tr ' ' _ <"$t/comm" 2>/dev/null || echo gone)"
  done
}
# rss_kb PID : resident and peak resident set size, kB
rss_kb() { awk '/^VmRSS/{r = $2} /^VmHWM/{h = $2} END{print r, h}' "/proc/$1/status"; }
# machine_ticks : busy task ticks (user+nice+system), irq+softirq ticks, all ticks, machine-wide
machine_ticks() { awk '/^cpu /{print $2 + $3 + $4, $7 + $8, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat; }
# busy_pct : how busy the whole machine was over the last second, percent
busy_pct() {
  local a b; a=($(machine_ticks)); sleep 1; b=($(machine_ticks))
  echo $(( ((b[0] - a[0]) + (b[1] - a[1])) * 100 / (b[2] - a[2] > 0 ? b[2] - a[2] : 1) ))
}
# wait_quiet PCT : wait (at most 60 s) until the machine is less than PCT % busy; print the last reading
wait_quiet() {
  local i p
  for i in $(seq 60); do p=$(busy_pct); [ "$p" -lt "$1" ] && break; done
  echo "$p"
}
# median : the median of the numbers on stdin, one a line
median() { sort -g | awk '{v[NR] = $1} END{if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
# describe : one line naming the machine and the versions measured
describe() {
  echo "$(date -u +%FT%TZ), $(nproc) cpus ($(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)), kernel $(uname -r)," \
    "jntp $(git -C "$JNTP_HOME" describe --always --dirty 2>/dev/null || echo '?'), $(chronyd --version | awk '{print $1, $4}')"
}
