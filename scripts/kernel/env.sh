# Sourced by scripts/kernel/*: where the test-bed guest is cached and run.
#
#   KERNEL_HOME   cache: Debian's debs/, the unpacked root/, vmlinux, and the assembled initramfs
#   KERNEL_RUN    the guest slots (lock files) and one temporary directory per running guest
#   KERNEL_MARKER the kernel command-line word every guest carries and no other machine does:
#                 the guest's /init and testbed-guard run nothing without it, and LinuxAdjtimex
#                 writes the clock only where it is present
#   KERNEL_GUESTS how many guests may run at once on this machine
JNTP_HOME=${JNTP_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
KERNEL_HOME=${KERNEL_HOME:-/var/tmp/jntp-kernel}
KERNEL_ROOT=$KERNEL_HOME/root
KERNEL_RUN=${KERNEL_RUN:-/tmp/jntp-kernel}
KERNEL_MARKER=$(sed -n 's/^MARKER=//p' "$JNTP_HOME/scripts/kernel/guest/testbed-guard")
KERNEL_GUESTS=2

# The modules a guest loads, in this order (each after those it depends on): virtio over PCI and
# its network card. Debian ships no modules.dep (depmod writes it on install), hence the order here.
KERNEL_MODULES=(virtio virtio_ring virtio_pci_modern_dev virtio_pci_legacy_dev virtio_pci
  failover net_failover virtio_net)
