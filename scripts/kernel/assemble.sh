#!/usr/bin/env bash
# Assembles the test-bed guest's initramfs into $KERNEL_HOME/initramfs.cpio and prints its path:
# busybox with its applets, the guest's /init and testbed-guard, the network modules, the daemon's
# jlink'd runtime (scripts/build-runtime) with the C libraries it links, target/jntp.jar
# (built by `./mvnw -q -B -DskipTests package`) and the daemon's AOT cache and flags. Uncompressed, so the guest's kernel only copies it.
# Rebuilt only when one of those inputs changed (their names, sizes and times are the key); fetches
# the kernel and busybox first (scripts/kernel/fetch.sh, at once when cached).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
HERE=$JNTP_HOME/scripts/kernel
JAR=$JNTP_HOME/target/jntp.jar
OUT=$KERNEL_HOME/initramfs.cpio
KEY=$OUT.key

mkdir -p "$KERNEL_HOME"
# Guests started together assemble once; the others wait and find it done.
exec 9>"$KERNEL_HOME/assemble.lock"
flock 9
"$HERE/fetch.sh" >&2
[ -f "$JAR" ] || { echo "kernel: no $JAR: build it with ./mvnw -q -B -DskipTests package" >&2; exit 1; }
runtime=$("$JNTP_HOME/scripts/build-runtime" --if-needed "$JAR") ||
  { echo "kernel: no jlink'd runtime for the guest (scripts/build-runtime failed)" >&2; exit 1; }

# libraries : the C libraries the runtime's launcher and native libraries load, as ldd resolves them
libraries() {
  find "$runtime" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec ldd {} + 2>/dev/null |
    awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\/.*ld-linux/ {print $1}' | sort -u
}

inputs() {
  printf '%s\n' "$KERNEL_ROOT/bin/busybox" "$KERNEL_HOME/.fetched" "$HERE"/guest/* "$HERE/env.sh" \
    "$HERE/assemble.sh" "$JAR" "${libs[@]}"
  find "$runtime" -type f
}

libs=($(libraries))
key=$(inputs | sort | xargs stat -L -c '%n %s %Y' | sha256sum | cut -d' ' -f1)
if [ -f "$OUT" ] && [ "$(cat "$KEY" 2>/dev/null)" = "$key" ]; then
  echo "$OUT"
  exit 0
fi

stage=$(mktemp -d "$KERNEL_HOME/stage.XXXXXX")
trap 'rm -rf "$stage" "$OUT.tmp"' EXIT
mkdir -p "$stage"/{bin,dev,proc,sys,tmp,root,testbed,lib/modules,jntp}
cp "$KERNEL_ROOT/bin/busybox" "$stage/bin/"
for applet in $("$KERNEL_ROOT/bin/busybox" --list); do
  [ -e "$stage/bin/$applet" ] || ln -s busybox "$stage/bin/$applet"
done
cp "$HERE/guest/testbed-guard" "$stage/bin/"
cp "$HERE/guest/init" "$stage/init"
chmod 755 "$stage/init" "$stage/bin/testbed-guard"
for m in "${KERNEL_MODULES[@]}"; do cp "$KERNEL_ROOT/modules/$m.ko" "$stage/lib/modules/"; done
printf '%s\n' "${KERNEL_MODULES[@]}" >"$stage/lib/modules/order"
for lib in "${libs[@]}"; do
  mkdir -p "$stage$(dirname "$lib")"
  cp -L "$lib" "$stage$lib"
done
cp -a "$runtime" "$stage/jntp/runtime"
cp "$JAR" "$stage/jntp/jntp.jar"
# The daemon's JVM flags in the guest (guest.ScenarioDaemon reads them), and its AOT cache made here
# with those flags on the same runtime: under emulation it halves the daemon's start, as it does on
# the host (bin/jntp-java). Trained on the staged jar, whose times the archive keeps, at another path,
# which the JVM accepts; a failed training leaves the guest without a cache. Without the adapters'
# machine code, which the JVM would generate for this host's CPU (AVX-512) and run on the guest's
# emulated one, dying of SIGILL.
printf '%s\n' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:aot=off -Xlog:cds=off >"$stage/jntp/daemon.flags"
if "$runtime/bin/java" $(cat "$stage/jntp/daemon.flags") -XX:+UnlockDiagnosticVMOptions -XX:-AOTAdapterCaching \
    -XX:AOTCacheOutput="$stage/jntp/jntp-daemon.aot" \
    --enable-native-access=ALL-UNNAMED -cp "$stage/jntp/jntp.jar" org.jntp.cli.DaemonTraining >/dev/null 2>&1; then
  echo -XX:AOTCache=/jntp/jntp-daemon.aot >>"$stage/jntp/daemon.flags"
else
  echo "kernel: the daemon's AOT cache could not be made; the guest runs without one" >&2
  rm -f "$stage/jntp/jntp-daemon.aot"
fi
(cd "$stage" && find . -mindepth 1 | "$KERNEL_ROOT/bin/busybox" cpio -o -H newc -R 0:0 2>/dev/null) >"$OUT.tmp"
mv "$OUT.tmp" "$OUT"
echo "$key" >"$KEY"
echo "kernel: assembled $OUT ($(du -m "$OUT" | cut -f1) MB)" >&2
echo "$OUT"
