#!/usr/bin/env bash
# Builds jntp and its JMH benchmarks, runs them with the GC profiler and prints, per benchmark, its
# time and its allocation per operation. The run is bounded: one fork, 3 x 1 s warm-up and
# 5 x 1 s measurement per benchmark, about a minute and a half in all. Fails when a benchmark
# allocates, since the per-packet path must not.
#
#   bench/jmh.sh              all benchmarks
#   bench/jmh.sh Clock        those whose name matches a regex; any other JMH option goes too
set -euo pipefail
JNTP_HOME=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$JNTP_HOME"
. bin/jntp-env

# At most this many bytes per operation count as none: JMH's own bookkeeping shows up as ~0.01.
ALLOCATION_LIMIT_BYTES=1
# Benchmarks that may allocate: an NTS request's cookies, nonces and AEAD buffers (RFC 8915) are
# fresh arrays; the plain path beside it must not allocate.
MAY_ALLOCATE='NtsRespondBenchmark[.]ntsRequest$'
RESULTS=bench/jmh/target/results.csv

./mvnw -q -B -DskipTests install
./mvnw -q -B -f bench/jmh/pom.xml package

# The benchmarks only read the clock; as root, run them without CAP_SYS_TIME all the same.
run=()
if [ "$(id -u)" = 0 ]; then
  run=(setpriv --bounding-set -sys_time)
fi
LC_ALL=C "${run[@]}" "$JAVA_HOME/bin/java" -jar bench/jmh/target/benchmarks.jar \
  -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc -rf csv -rff "$RESULTS" "$@"

echo
awk -F, -v limit="$ALLOCATION_LIMIT_BYTES" -v may_allocate="$MAY_ALLOCATE" '
  { gsub(/"/, "") }
  NR > 1 && $1 !~ /:/ { name[$1] = $1; time[$1] = $5; error[$1] = $6; order[++n] = $1 }
  NR > 1 && $1 ~ /:gc\.alloc\.rate\.norm$/ { sub(/:gc\.alloc\.rate\.norm$/, "", $1); alloc[$1] = $5 }
  END {
    printf "%-56s %16s %12s\n", "benchmark", "ns/op", "B/op"
    failed = 0
    for (i = 1; i <= n; i++) {
      b = order[i]; short = b; sub(/^org\.jntp\.bench\./, "", short)
      flag = ""
      if (!(b in alloc)) { flag = "  no gc.alloc.rate.norm"; failed = 1 }
      else if (alloc[b] + 0 >= limit && b ~ may_allocate) { flag = "  (allowed to allocate)" }
      else if (alloc[b] + 0 >= limit) { flag = "  ALLOCATES"; failed = 1 }
      printf "%-56s %8.1f ± %5.1f %12.3f%s\n", short, time[b], error[b], alloc[b], flag
    }
    exit failed
  }' "$RESULTS" || { echo "jmh.sh: a benchmark allocates (or was run without -prof gc)" >&2; exit 1; }
