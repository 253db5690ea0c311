package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.jntp.server.access.AddressFamily;
import org.junit.jupiter.api.Test;

class FamilyLookupTest {
    private static final InetAddress V6 = address(new byte[] {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 1});
    private static final InetAddress V4 = address(new byte[] {(byte) 192, 0, 2, 1});

    private final FamilyLookup bothFamilies = new FamilyLookup(name -> new InetAddress[] {V6, V4});

    private static InetAddress address(byte[] octets) {
        try {
            return InetAddress.getByAddress(octets);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void withoutAFamilyKeepsEveryAddressInTheResolversOrder() {
        assertThat(bothFamilies.lookup("nts.example.net", Optional.empty()))
                .isEqualTo(new HostLookup.Result.Found(List.of(V6, V4)));
    }

    @Test
    void minusFourKeepsOnlyIpv4Addresses() {
        assertThat(bothFamilies.lookup("nts.example.net", Optional.of(AddressFamily.IPV4)))
                .isEqualTo(new HostLookup.Result.Found(List.of(V4)));
    }

    @Test
    void minusSixOfANameWithOnlyIpv4AddressesSaysSo() {
        FamilyLookup ipv4Only = new FamilyLookup(name -> new InetAddress[] {V4});

        assertThat(ipv4Only.lookup("nts.example.net", Optional.of(AddressFamily.IPV6)))
                .isEqualTo(new HostLookup.Result.Failed("nts.example.net has no IPv6 address"));
    }

    @Test
    void aNameThatDoesNotResolveSaysSo() {
        FamilyLookup failing = new FamilyLookup(name -> {
            throw new UnknownHostException(name + ": Name or service not known");
        });

        assertThat(failing.lookup("nts.example.net", Optional.empty()))
                .isEqualTo(new HostLookup.Result.Failed("nts.example.net does not resolve"));
    }
}
