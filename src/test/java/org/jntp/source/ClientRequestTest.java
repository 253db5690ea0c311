package org.jntp.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jntp.source.Exchange.START_MONO_NANOS;
import static org.jntp.source.Exchange.clockNanos;

import java.util.Arrays;
import java.util.Optional;
import org.jntp.config.Association;
import org.jntp.config.AssociationOptions;
import org.jntp.config.AssociationType;
import org.jntp.config.ServerAddress;
import org.jntp.protocol.NtpHeader;
import org.junit.jupiter.api.Test;

class ClientRequestTest {
    private final Exchange exchange = Exchange.withFlags();

    @Test
    void sendsNothingBeforeTheFirstPoll() {
        assertThat(exchange.source.poll(START_MONO_NANOS - 1, clockNanos(START_MONO_NANOS - 1), exchange.random))
                .isEmpty();
    }

    @Test
    void sendsNothingBetweenPolls() {
        exchange.pollWhenDue();

        long soon = START_MONO_NANOS + Exchange.SECOND;
        assertThat(exchange.source.poll(soon, clockNanos(soon), exchange.random)).isEmpty();
    }

    @Test
    void sendsVersionModeAndPollAndZeroEverywhereButTheTransmitTime() {
        byte[] datagram = exchange.pollWhenDue().datagram();

        assertThat(datagram).hasSize(NtpHeader.LENGTH);
        assertThat(datagram[0]).isEqualTo((byte) 0x23);
        assertThat(datagram[2]).isEqualTo((byte) 6);
        byte[] others = Arrays.copyOfRange(datagram, 1, 40);
        others[1] = 0;
        assertThat(others).containsOnly(0);
    }

    @Test
    void sendsTheConfiguredVersion() {
        Exchange v3 = new Exchange(new PollSettings(6, 10, 3, false, false, false), 0);

        assertThat(v3.pollWhenDue().header().version()).isEqualTo(3);
    }

    @Test
    void sendsRandomBitsAsTransmitTime() {
        long first = exchange.pollWhenDue().header().transmitTime().bits();
        long second = exchange.pollWhenDue().header().transmitTime().bits();

        FixedRandom same = new FixedRandom(0);
        long firstDraw = same.nextLong();
        long secondDraw = same.nextLong();
        assertThat(first).isEqualTo(firstDraw).isNotEqualTo(second);
        assertThat(second).isEqualTo(secondDraw);
    }

    @Test
    void numbersRequestsFromOne() {
        assertThat(exchange.pollWhenDue().id()).isEqualTo(1);
        assertThat(exchange.pollWhenDue().id()).isEqualTo(2);
    }

    @Test
    void countsRequestsSent() {
        exchange.pollWhenDue();
        exchange.pollWhenDue();

        assertThat(exchange.source.counters().sent()).isEqualTo(2);
    }

    @Test
    void isMadeFromAServerLine() {
        Association line = new Association(AssociationType.SERVER, new ServerAddress.HostName("ntp.example",
                Optional.empty()), AssociationOptions.none());

        ClientSource source = ClientSource.of(line, -20, START_MONO_NANOS);

        assertThat(source.minPollLog2()).isEqualTo(6);
        assertThat(source.maxPollLog2()).isEqualTo(10);
    }

    @Test
    void isNotMadeFromAPeerLine() {
        Association line = new Association(AssociationType.PEER, new ServerAddress.HostName("peer.example",
                Optional.empty()), AssociationOptions.none());

        assertThatThrownBy(() -> ClientSource.of(line, -20, START_MONO_NANOS))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
