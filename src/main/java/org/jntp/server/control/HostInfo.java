package org.jntp.server.control;

import java.util.Objects;

/**
 * What the system variables {@code version}, {@code processor} and {@code system} say of the
 * daemon and its machine ({@code uname} for ntpd).
 *
 * @param version the daemon's name and version, e.g. {@code ntpd jntp-1.0}
 * @param processor the machine, e.g. {@code x86_64}
 * @param system the operating system and its release, e.g. {@code Linux/6.1.0}
 */
public record HostInfo(String version, String processor, String system) {
    /** Requires all three. */
    public HostInfo {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(processor, "processor");
        Objects.requireNonNull(system, "system");
    }
}
