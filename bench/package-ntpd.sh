#!/usr/bin/env bash
# package-ntpd.sh NTPD_ARGS... : the ntpd of a package unpacked (dpkg-deb -x) at $JNTP_PACKAGE_ROOT,
# with the daemon's AOT cache made as the package's postinst makes it, in /var/cache/jntp on a tmpfs
# of this process's mount namespace (`ip netns exec` gives each command its own), so that nothing
# lands on the host. For bench/peers' start-jntp.sh as JNTP_NTPD.
set -euo pipefail
pkg=${JNTP_PACKAGE_ROOT:?the root a jntp .deb was unpacked into}
lib=$pkg/usr/lib/jntp
mount -t tmpfs -o size=64m tmpfs /var/cache
mkdir /var/cache/jntp
. "$lib/bin/jntp-flags"
"$lib/runtime/bin/java" "${jntp_daemon_flags[@]}" -XX:AOTCacheOutput=/var/cache/jntp/jntp-daemon.aot \
  --enable-native-access=ALL-UNNAMED -cp "$lib/jntp.jar" org.jntp.cli.DaemonTraining >/dev/null 2>&1
ls /var/cache/jntp/jntp-daemon.aot >/dev/null
# the package's own launcher: /usr/sbin/ntpd links to /usr/lib/jntp, which is not this root
exec "$lib/bin/ntpd" "$@"
