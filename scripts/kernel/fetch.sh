#!/usr/bin/env bash
# Gets what a test-bed guest is made of into $KERNEL_HOME: Debian's kernel (the package
# linux-image-amd64 points at) and busybox-static, downloaded (`apt-get download`) and unpacked
# (`dpkg-deb --fsys-tarfile`, only the kernel image and the modules a guest loads), and the kernel's
# ELF image vmlinux taken out of its bzImage so that qemu boots it directly (PVH). Installs qemu
# with apt when it is missing. Idempotent: returns at once when all is there.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
DEBS=$KERNEL_HOME/debs
STAMP=$KERNEL_HOME/.fetched

complete() {
  [ -f "$STAMP" ] && [ "$(head -n 1 "$STAMP")" = "${KERNEL_MODULES[*]}" ] || return 1
  [ -s "$KERNEL_HOME/vmlinux" ] && [ -x "$KERNEL_ROOT/bin/busybox" ] || return 1
  local m; for m in "${KERNEL_MODULES[@]}"; do [ -f "$KERNEL_ROOT/modules/$m.ko" ] || return 1; done
}

apt_get() { timeout 600 apt-get -q -o DPkg::Lock::Timeout=120 -o APT::Sandbox::User=root "$@"; }

if ! command -v qemu-system-x86_64 >/dev/null; then
  echo "kernel: installing qemu-system-x86 (apt-get, no recommended packages)"
  apt_get install -y --no-install-recommends qemu-system-x86 >/dev/null || {
    apt_get update >/dev/null && apt_get install -y --no-install-recommends qemu-system-x86 >/dev/null; }
fi

if complete; then
  echo "kernel: $(tail -n +2 "$STAMP" | tr '\n' ' ')(already in $KERNEL_HOME)"
  exit 0
fi

mkdir -p "$DEBS"
newest() { ls -t "$DEBS"/$1 2>/dev/null | head -n 1; }
# kernel_package : the versioned image package linux-image-amd64 depends on (the signed one)
kernel_package() { apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-/{print $2; exit}'; }
download() { (cd "$DEBS" && apt_get download "$@"); }
if [ -z "$(newest 'linux-image-*-amd64_*.deb')" ] || [ -z "$(newest 'busybox-static_*.deb')" ]; then
  # No package lists yet, or lists older than the mirror (its old versions are gone): update once.
  package=$(kernel_package)
  if [ -z "$package" ] || ! download "$package" busybox-static; then
    apt_get update
    package=$(kernel_package)
    [ -n "$package" ] || { echo "kernel: apt knows no linux-image-amd64" >&2; exit 1; }
    download "$package" busybox-static
  fi
fi
kernel_deb=$(newest 'linux-image-*-amd64_*.deb')
busybox_deb=$(newest 'busybox-static_*.deb')

rm -rf "$KERNEL_ROOT" "$KERNEL_HOME/vmlinux"
mkdir -p "$KERNEL_ROOT/modules"
dpkg-deb --fsys-tarfile "$busybox_deb" | tar -x -C "$KERNEL_ROOT" ./bin/busybox
patterns=(./boot/vmlinuz-*)
for m in "${KERNEL_MODULES[@]}"; do patterns+=("*/$m.ko"); done
dpkg-deb --fsys-tarfile "$kernel_deb" | tar -x -C "$KERNEL_ROOT" --wildcards "${patterns[@]}"
for m in "${KERNEL_MODULES[@]}"; do
  found=$(find "$KERNEL_ROOT/lib/modules" -name "$m.ko" | head -n 1)
  [ -n "$found" ] || { echo "kernel: $kernel_deb has no module $m" >&2; exit 1; }
  mv "$found" "$KERNEL_ROOT/modules/"
done
rm -rf "$KERNEL_ROOT/lib"

# The bzImage carries the kernel as an xz stream after its setup code: that stream is vmlinux, an
# ELF file with a PVH entry point, which qemu starts without running the decompressor under TCG.
bzimage=$(ls "$KERNEL_ROOT"/boot/vmlinuz-*)
start=$(LC_ALL=C grep -aboP '\xFD7zXZ\x00' "$bzimage" | head -n 1 | cut -d: -f1)
[ -n "$start" ] || { echo "kernel: no xz stream in $bzimage" >&2; exit 1; }
# xz stops reading at the end of its stream: tail then dies of SIGPIPE, which is no failure.
{ tail -c +$((start + 1)) "$bzimage" || true; } | xz -dc --single-stream >"$KERNEL_HOME/vmlinux.tmp"
[ "$(head -c 4 "$KERNEL_HOME/vmlinux.tmp" | od -An -c | tr -d ' ')" = '177ELF' ] ||
  { echo "kernel: the xz stream of $bzimage is not an ELF kernel" >&2; exit 1; }
mv "$KERNEL_HOME/vmlinux.tmp" "$KERNEL_HOME/vmlinux"

printf '%s\n' "${KERNEL_MODULES[*]}" \
  "$(dpkg-deb -f "$kernel_deb" Package) $(dpkg-deb -f "$kernel_deb" Version)" \
  "busybox-static $(dpkg-deb -f "$busybox_deb" Version)" >"$STAMP"
complete
echo "kernel: $(tail -n +2 "$STAMP" | tr '\n' ' ')(unpacked into $KERNEL_HOME)"
