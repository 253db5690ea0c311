package org.jntp.server.access;

/**
 * An address and mask of one family, as a restrict line names them. The address is kept already
 * ANDed with the mask, as ntpd stores it. ntpd allows any mask, not only contiguous prefixes.
 */
public record AddressMask(IpAddress address, IpAddress mask) {
    public AddressMask {
        if (address.family() != mask.family()) {
            throw new IllegalArgumentException("address " + address + " and mask " + mask + " differ in family");
        }
        address = new IpAddress(address.family(), address.high() & mask.high(), address.low() & mask.low());
    }

    /** The entry for a single host: all mask bits set. */
    public static AddressMask host(IpAddress address) {
        return prefix(address, address.family().bits());
    }

    /** The entry matching every address of a family: address and mask zero, as ntpd's default. */
    public static AddressMask any(AddressFamily family) {
        IpAddress zero = new IpAddress(family, 0, 0);
        return new AddressMask(zero, zero);
    }

    /** The network of the first prefixLength bits of address (CIDR notation). */
    public static AddressMask prefix(IpAddress address, int prefixLength) {
        int bits = address.family().bits();
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " is outside 0.." + bits);
        }
        IpAddress mask = switch (address.family()) {
            case IPV4 -> IpAddress.ipv4(prefixLength == 0 ? 0 : -1 << (32 - prefixLength));
            case IPV6 -> IpAddress.ipv6(leadingOnes(prefixLength), leadingOnes(prefixLength - 64));
        };
        return new AddressMask(address, mask);
    }

    private static long leadingOnes(int count) {
        if (count <= 0) {
            return 0;
        }
        return count >= 64 ? -1L : -1L << (64 - count);
    }

    /** The family of address and mask. */
    public AddressFamily family() {
        return address.family();
    }

    /** The number of leading one bits when the mask is contiguous, else -1. */
    public int prefixLength() {
        int length = switch (family()) {
            case IPV4 -> Integer.numberOfLeadingZeros(~mask.ipv4());
            case IPV6 -> mask.high() == -1L
                    ? 64 + Long.numberOfLeadingZeros(~mask.low())
                    : Long.numberOfLeadingZeros(~mask.high());
        };
        return prefix(address, length).mask().equals(mask) ? length : -1;
    }

    /** Whether address falls inside this network. */
    public boolean contains(IpAddress candidate) {
        return candidate.family() == family()
                && (candidate.high() & mask.high()) == address.high()
                && (candidate.low() & mask.low()) == address.low();
    }

    /** CIDR text when the mask is contiguous, else "address mask mask". */
    @Override
    public String toString() {
        int length = prefixLength();
        return length >= 0 ? address + "/" + length : address + " mask " + mask;
    }
}
