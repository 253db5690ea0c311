#!/usr/bin/env bash
# Stages chronyd for a test-bed guest into $KERNEL_HOME/chrony and prints that directory: Debian's
# chronyd (from the cache scripts/peers/fetch.sh fills, fetched first) as sbin/chronyd, the C
# libraries it loads (as ldd resolves them) in lib/, and etc/passwd with root alone (chronyd looks
# its user up even as root). Run-guest adds it:
#   run-guest --add "$(chrony-layer.sh)/chrony:/chrony" --add "$(chrony-layer.sh)/etc:/etc" -- ...
# In the guest: LD_LIBRARY_PATH=/chrony/lib /chrony/sbin/chronyd. Rebuilt only when chronyd changed.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
. "$JNTP_HOME/scripts/peers/env.sh"
OUT=$KERNEL_HOME/chrony
CHRONYD=$PEERS_ROOT/usr/sbin/chronyd

mkdir -p "$KERNEL_HOME"
exec 9>"$KERNEL_HOME/chrony.lock"
flock 9
"$JNTP_HOME/scripts/peers/fetch.sh" >&2
if [ -x "$OUT/chrony/sbin/chronyd" ] && [ "$OUT/chrony/sbin/chronyd" -nt "$CHRONYD" ]; then
  echo "$OUT"
  exit 0
fi

stage=$(mktemp -d "$KERNEL_HOME/chrony-stage.XXXXXX")
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage"/chrony/{sbin,lib} "$stage/etc"
cp "$CHRONYD" "$stage/chrony/sbin/chronyd"
touch "$stage/chrony/sbin/chronyd"
ldd "$CHRONYD" | awk '$2 == "=>" && $3 ~ /^\// {print $3}' | while read -r lib; do
  cp -L "$lib" "$stage/chrony/lib/"
done
echo 'root:x:0:0:root:/root:/bin/sh' >"$stage/etc/passwd"
echo 'root:x:0:' >"$stage/etc/group"
rm -rf "$OUT"
mv "$stage" "$OUT"
trap - EXIT
echo "kernel: chronyd staged in $OUT ($(du -sm "$OUT" | cut -f1) MB)" >&2
echo "$OUT"
