package org.jntp.server.access;

/** The two IP address families ntpd keeps separate restriction lists for. */
public enum AddressFamily {
    IPV4(32),
    IPV6(128);

    private final int bits;

    AddressFamily(int bits) {
        this.bits = bits;
    }

    /** The address length in bits: 32 or 128. */
    public int bits() {
        return bits;
    }
}
