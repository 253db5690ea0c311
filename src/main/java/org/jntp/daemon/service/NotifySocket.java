package org.jntp.daemon.service;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where systemd listens for a {@code Type=notify} service's state: the AF_UNIX datagram socket that
 * {@code $NOTIFY_SOCKET} names, a path, or an abstract name when it starts with '@'.
 *
 * @param name the variable's value
 */
public record NotifySocket(String name) {
    private static final int AF_UNIX = 1;
    /** sizeof(struct sockaddr_un.sun_path). */
    private static final int SUN_PATH_OCTETS = 108;
    private static final int FAMILY_OCTETS = 2;

    /** What {@code $NOTIFY_SOCKET} says. */
    public sealed interface Parse {
        /** Not started by systemd as a notify service: nobody to tell. */
        record Absent() implements Parse {}

        record Ok(NotifySocket socket) implements Parse {}

        /** A value that names no socket this daemon can reach, with why. */
        record Invalid(String message) implements Parse {}
    }

    /** Reads the variable's value, when it is set. */
    public static Parse parse(Optional<String> value) {
        if (value.isEmpty() || value.get().isEmpty()) {
            return new Parse.Absent();
        }
        String name = value.get();
        if (!name.startsWith("/") && !name.startsWith("@")) {
            return new Parse.Invalid("NOTIFY_SOCKET=" + name + ": neither an absolute path nor an abstract @name");
        }
        // a path needs its terminating NUL in sun_path; an abstract name has its leading one instead of '@'
        if (name.getBytes(StandardCharsets.UTF_8).length >= SUN_PATH_OCTETS) {
            return new Parse.Invalid("NOTIFY_SOCKET=" + name + ": longer than a socket address can hold");
        }
        return new Parse.Ok(new NotifySocket(name));
    }

    /** Whether it is an abstract name rather than a file. */
    public boolean isAbstract() {
        return name.startsWith("@");
    }

    /**
     * The {@code struct sockaddr_un} to send to, only as long as the address needs: sendto's
     * address length tells the kernel where an abstract name ends.
     */
    public byte[] sockaddr() {
        byte[] path = name.getBytes(StandardCharsets.UTF_8);
        byte[] address = Arrays.copyOf(new byte[] {(byte) AF_UNIX, 0}, FAMILY_OCTETS + path.length + (isAbstract() ? 0 : 1));
        System.arraycopy(path, 0, address, FAMILY_OCTETS, path.length);
        if (isAbstract()) {
            address[FAMILY_OCTETS] = 0;
        }
        return address;
    }
}
