#!/usr/bin/env bash
# Gets chrony and NTPsec from Debian's packages into $PEERS_HOME without installing them:
# `apt-get download` + `dpkg -x`, so no maintainer script runs and no service starts.
# Idempotent: when the unpacked root already holds every package it returns at once.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
PACKAGES=(chrony ntpsec python3-ntp ntpsec-ntpdig ntpsec-ntpdate ntpstat)
NEEDED=(usr/sbin/chronyd usr/bin/chronyc usr/sbin/ntpd usr/bin/ntpq usr/bin/ntpdig usr/bin/ntpstat)
DEBS=$PEERS_HOME/debs
STAMP=$PEERS_ROOT/.fetched

complete() {
  [ -f "$STAMP" ] && [ "$(head -n 1 "$STAMP")" = "${PACKAGES[*]}" ] || return 1
  local f; for f in "${NEEDED[@]}"; do [ -x "$PEERS_ROOT/$f" ] || return 1; done
}

if complete; then
  echo "peers: $(tail -n +2 "$STAMP" | tr '\n' ' ')(already in $PEERS_ROOT)"
  exit 0
fi

mkdir -p "$DEBS" "$PEERS_ROOT"
download() { (cd "$DEBS" && timeout 300 apt-get -q -o APT::Sandbox::User=root download "$@"); }
missing=(); for p in "${PACKAGES[@]}"; do compgen -G "$DEBS/${p}_*.deb" >/dev/null || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  # No package lists yet, or lists older than the mirror (its old versions are gone): update once.
  if ! compgen -G "/var/lib/apt/lists/*Packages*" >/dev/null || ! download "${missing[@]}"; then
    timeout 300 apt-get -q update
    download "${missing[@]}"
  fi
fi

versions=()
for p in "${PACKAGES[@]}"; do
  deb=$(ls -t "$DEBS/${p}"_*.deb | head -n 1)
  dpkg -x "$deb" "$PEERS_ROOT"
  versions+=("$p $(dpkg-deb -f "$deb" Version)")
done
# ntpdig and ntpq load libntpc.so through ctypes from beside the ntp module first.
ln -sfn ../../../x86_64-linux-gnu/ntp/libntpc.so.1 "$PEERS_ROOT/usr/lib/python3/dist-packages/ntp/libntpc.so"

# The packages' own dependencies are libraries and python3 from the base system: say which is missing.
broken=$(for f in usr/sbin/chronyd usr/bin/chronyc usr/sbin/ntpd usr/lib/x86_64-linux-gnu/ntp/libntpc.so.1; do
  ldd "$PEERS_ROOT/$f" | awk -v f="$f" '/not found/{print f ": " $1}'; done)
[ -z "$broken" ] || { echo "peers: missing libraries:"; echo "$broken"; exit 1; } >&2
[ -x /usr/bin/python3 ] || { echo "peers: ntpdig and ntpq need /usr/bin/python3" >&2; exit 1; }

printf '%s\n' "${PACKAGES[*]}" "${versions[@]}" >"$STAMP"
complete
echo "peers: $(tail -n +2 "$STAMP" | tr '\n' ' ')(unpacked into $PEERS_ROOT)"
