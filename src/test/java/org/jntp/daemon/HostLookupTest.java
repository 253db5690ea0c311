package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostLookupTest {
    private static final String NAME = "nosuch.invalid";

    /** Answers with the results queued, in order: an address, or a failure with a message. */
    private static HostLookup.Resolver answering(Object... answers) {
        Deque<Object> queued = new ArrayDeque<>(List.of(answers));
        return name -> switch (queued.removeFirst()) {
            case InetAddress address -> new InetAddress[] {address};
            case String message -> throw new UnknownHostException(message);
            default -> throw new IllegalArgumentException("unexpected answer");
        };
    }

    @Test
    void givesAFailureAnsweredFromTheJdksNegativeCacheTheReasonOfTheLookupThatFilledIt() {
        HostLookup lookup = HostLookup.over(answering(NAME + ": Temporary failure in name resolution", NAME));

        HostLookup.Result first = lookup.lookup(NAME);
        HostLookup.Result cached = lookup.lookup(NAME);

        assertThat(cached).isEqualTo(first)
                .isEqualTo(new HostLookup.Result.Failed(NAME + ": Temporary failure in name resolution"));
    }

    @Test
    void saysNoSuchHostWhenTheResolverGivesNoReason() {
        HostLookup lookup = HostLookup.over(answering(NAME));

        assertThat(lookup.lookup(NAME)).isEqualTo(new HostLookup.Result.Failed("no such host"));
    }

    @Test
    void forgetsTheReasonOnceTheNameResolves() throws UnknownHostException {
        InetAddress address = InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1});
        HostLookup lookup = HostLookup.over(answering(NAME + ": Temporary failure in name resolution", address, NAME));

        lookup.lookup(NAME);
        HostLookup.Result found = lookup.lookup(NAME);
        HostLookup.Result failedAgain = lookup.lookup(NAME);

        assertThat(found).isEqualTo(new HostLookup.Result.Found(List.of(address)));
        assertThat(failedAgain).isEqualTo(new HostLookup.Result.Failed("no such host"));
    }
}
