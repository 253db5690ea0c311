#!/usr/bin/env bash
# start-relay.sh ADDR NAME SERVER LOSS SEED : the test sources' LossyRelay on ADDR:123 in $PEERS_NETNS,
# forwarding to SERVER:123 and back, each datagram lost with probability LOSS (a Random seeded
# with SEED each way), each datagram kept leaving a fixed 50 ms after the kernel received it. JAVA
# names the java launcher, RELAY_CLASSPATH where LossyRelay's classes and jntp's are, e.g.
#   JAVA=java RELAY_CLASSPATH=target/test-classes:target/classes start-relay.sh 127.0.0.3 relay 127.0.0.2 0.5 1
# Its life is bounded as every daemon's here (PEERS_LIFETIME_S). Prints its pid once it listens;
# its counts go to $PEERS_RUN/NAME/out when it ends.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
addr=${1:?usage: $0 ADDR NAME SERVER LOSS SEED}; name=${2:?}; server=${3:?}; loss=${4:?}; seed=${5:?}
dir=$(daemon_dir "$name")
start_daemon "$name" "${JAVA:?}" -Xmx32m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 --enable-native-access=ALL-UNNAMED -cp "${RELAY_CLASSPATH:?}" \
  org.jntp.interop.LossyRelay "$addr" "$server" "$loss" "$seed" "$dir/pid"
wait_ready "$name" 30 "$addr"
