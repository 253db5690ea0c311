#!/usr/bin/env bash
# The configurations of README.md's table, each measured by measure.sh (about 100 s each).
# Results are appended to target/footprint/results.txt.
set -euo pipefail
M=$(dirname "$0")/measure.sh
JDK=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
RT=$(cd "$(dirname "$0")/../.." && pwd)/target/runtime
"$(dirname "$0")/../../scripts/build-runtime" --if-needed > /dev/null
SMALL="-XX:+UseSerialGC -Xmx32m -Xss256k -XX:-UsePerfData -XX:ReservedCodeCacheSize=16m -XX:+UseCompactObjectHeaders -Xshare:off"
QUIET="-XX:+UnlockDiagnosticVMOptions -XX:AsyncDeflationInterval=0 -XX:ServiceThreadCleanupInterval=60000"
HEAP="-Xms4m -Xmn1m"
C2="-XX:-TieredCompilation -XX:CICompilerCount=1"
export IDLE_S=${IDLE_S:-60}
JAVA=$JDK $M 1-jdk-defaults
JAVA=$JDK $M 2-small-c1 $SMALL -XX:TieredStopAtLevel=1
JAVA=$JDK $M 3-small-tiered $SMALL
JAVA=$JDK $M 4-small-tiered-quiet-heap $SMALL $QUIET $HEAP
ENV=MALLOC_ARENA_MAX=1 JAVA=$JDK $M 5-4+arena1 $SMALL $QUIET $HEAP
ENV=MALLOC_ARENA_MAX=1 JAVA=$RT/bin/java $M 6-5+jlink $SMALL $QUIET $HEAP
ENV=MALLOC_ARENA_MAX=1 JAVA=$RT/bin/java $M 7-6+c2only $SMALL $QUIET $HEAP $C2
ENV=MALLOC_ARENA_MAX=1 JAVA=$JDK $M 8-7+cds-jdk $(echo "$SMALL" | sed 's/-Xshare:off//') $QUIET $HEAP $C2
ENV=MALLOC_ARENA_MAX=1 JAVA=$JDK AOT=/tmp/jntp-footprint.aot $M 9-7+aot-jdk $(echo "$SMALL" | sed 's/-Xshare:off//') $QUIET $HEAP $C2
rm -f /tmp/jntp-footprint.aot
ENV=MALLOC_ARENA_MAX=1 JAVA=$RT/bin/java $M 10-7+trim60s $SMALL $QUIET $HEAP $C2 -XX:TrimNativeHeapInterval=60000
$M --launcher 11-launcher
JNTP_JAVA_OPTS="-Dprobe.release=true -Dprobe.tickSeconds=5" $M --launcher 12-launcher+release5s
