package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.jntp.config.Association;
import org.jntp.config.AssociationFlag;
import org.jntp.config.ConfigParser;
import org.jntp.config.ConfigResult;
import org.jntp.config.NtpConfig;
import org.jntp.config.RefclockAddress;
import org.jntp.server.access.AddressFamily;
import org.junit.jupiter.api.Test;

class SourcePlanTest {

    private static SourcePlan plan(String text, Optional<AddressFamily> family) {
        NtpConfig config = switch (ConfigParser.parse(text, "ntp.conf")) {
            case ConfigResult.Valid valid -> valid.config();
            case ConfigResult.Invalid invalid -> throw new AssertionError(invalid.errors().toString());
        };
        return SourcePlan.of(config.associations(), family);
    }

    @Test
    void pollsNumericAddressesAtOnceAndResolvesNames() {
        SourcePlan plan = plan("server 192.0.2.1 iburst\npool pool.example.net\nserver ntp.example.net\n",
                Optional.empty());

        assertThat(plan.literals()).extracting(a -> a.address().toString()).containsExactly("192.0.2.1");
        assertThat(plan.names()).extracting(name -> name.host().name())
                .containsExactly("pool.example.net", "ntp.example.net");
        assertThat(plan.notices()).isEmpty();
    }

    @Test
    void keepsNtsSourcesApartForKeyExchangeNeverAmongThePlainOnes() {
        SourcePlan plan = plan("server 192.0.2.1 nts\npool pool.example.net nts\nserver 192.0.2.2\n", Optional.empty());

        assertThat(plan.nts()).extracting(a -> a.address().toString()).containsExactly("192.0.2.1", "pool.example.net");
        assertThat(plan.literals()).extracting(a -> a.address().toString()).containsExactly("192.0.2.2");
        assertThat(plan.names()).isEmpty();
        assertThat(plan.notices()).isEmpty();
    }

    @Test
    void keepsTheLocalClockAsTheLastResort() {
        SourcePlan plan = plan("server 127.127.1.0\nserver 192.0.2.1\n", Optional.empty());

        assertThat(plan.localClock()).contains(new SourcePlan.LocalClockLine(new RefclockAddress(1, 0), 6));
        assertThat(plan.literals()).hasSize(1);
    }

    @Test
    void readsTheLocalClockAtTheMinpollOfItsLineAsNtpdReadsAReferenceClock() {
        SourcePlan plan = plan("server 127.127.1.1 minpoll 10 maxpoll 12\n", Optional.empty());

        assertThat(plan.localClock()).contains(new SourcePlan.LocalClockLine(new RefclockAddress(1, 1), 10));
    }

    @Test
    void pollsPeersLikeServers() {
        SourcePlan plan = plan("server 192.0.2.1\npeer 192.0.2.9\npeer peer.example.net\n", Optional.empty());

        assertThat(plan.literals()).extracting(a -> a.address().toString()).containsExactly("192.0.2.1", "192.0.2.9");
        assertThat(plan.names()).extracting(name -> name.host().name()).containsExactly("peer.example.net");
        assertThat(plan.notices()).isEmpty();
    }

    @Test
    void namesReferenceClocksItCannotDrive() {
        SourcePlan plan = plan("server 127.127.20.0\n", Optional.empty());

        assertThat(plan.localClock()).isEmpty();
        assertThat(plan.notices()).singleElement().asString().contains("127.127.20.0").contains("not used");
    }

    @Test
    void leavesOutLiteralsOfTheFamilyTheCommandLineExcludes() {
        SourcePlan plan = plan("server 192.0.2.1\nserver 2001:db8::1\n", Optional.of(AddressFamily.IPV6));

        assertThat(plan.literals()).extracting(a -> a.address().toString()).containsExactly("2001:db8::1");
        assertThat(plan.notices()).singleElement().asString().contains("192.0.2.1").contains("-6");
    }

    @Test
    void leavesOutNtsLiteralsOfTheFamilyTheCommandLineExcludes() {
        SourcePlan plan = plan("server 192.0.2.1 nts\nserver 2001:db8::1 nts\n", Optional.of(AddressFamily.IPV4));

        assertThat(plan.nts()).extracting(a -> a.address().toString()).containsExactly("192.0.2.1");
        assertThat(plan.notices()).singleElement().asString().contains("2001:db8::1").contains("-4");
    }

    @Test
    void givesEveryLineIburstForMinusQKeepingItsOtherOptions() {
        NtpConfig config = ((ConfigResult.Valid) ConfigParser.parse(
                "server 192.0.2.1 minpoll 4 prefer\npool pool.example.net iburst\n", "ntp.conf")).config();

        List<Association> forced = SourcePlan.withIburst(config.associations());

        assertThat(forced).allSatisfy(line -> assertThat(line.options().has(AssociationFlag.IBURST)).isTrue());
        Association first = forced.getFirst();
        assertThat(first.options().has(AssociationFlag.PREFER)).isTrue();
        assertThat(first.options().minPollLog2()).hasValue(4);
        assertThat(first.address()).isEqualTo(config.associations().getFirst().address());
        assertThat(first.origin()).isEqualTo(config.associations().getFirst().origin());
    }
}
