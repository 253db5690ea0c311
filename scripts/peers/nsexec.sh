#!/usr/bin/env bash
# nsexec.sh NETNS CMD... : CMD inside namespace NETNS without clock capability, with the peer
# tools (chronyc, ntpq, ntpdig, ntpstat) on PATH, e.g. nsexec.sh jntp-peers ntpdig -j 127.0.0.1
set -euo pipefail
PEERS_NETNS=${1:?usage: $0 NETNS CMD...}; shift
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
in_netns "$@"
