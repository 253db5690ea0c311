package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jntp.config.Association;
import org.jntp.config.AssociationOptions;
import org.jntp.config.AssociationType;
import org.jntp.config.ServerAddress;
import org.junit.jupiter.api.Test;

class ResolveScheduleTest {
    private static final long SECOND = 1_000_000_000L;
    private static final ResolveSchedule.Name NAME = name("ntp.example.net");
    private static final ResolveSchedule.Name POOL = name(AssociationType.POOL, "pool.example.net");

    private static ResolveSchedule.Name name(String host) {
        return name(AssociationType.SERVER, host);
    }

    private static ResolveSchedule.Name name(AssociationType type, String host) {
        ServerAddress.HostName address = new ServerAddress.HostName(host, Optional.empty());
        return new ResolveSchedule.Name(new Association(type, address, AssociationOptions.none()), address);
    }

    @Test
    void looksEveryNameUpAtStart() {
        ResolveSchedule schedule = new ResolveSchedule(List.of(NAME, name("pool.example.net")), 5 * SECOND);

        assertThat(schedule.due(5 * SECOND)).hasSize(2);
        assertThat(schedule.nextDueMonoNanos()).isEqualTo(5 * SECOND);
    }

    @Test
    void looksANameGivenAtRunTimeUpAtOnce() {
        ResolveSchedule schedule = new ResolveSchedule(List.of(), 0);

        schedule.add(NAME, 7 * SECOND);

        assertThat(schedule.due(7 * SECOND)).containsExactly(NAME);
    }

    @Test
    void aNameGivenAgainAtRunTimeKeepsItsSchedule() {
        ResolveSchedule schedule = new ResolveSchedule(List.of(NAME), 0);
        schedule.resolved(NAME, 0);

        schedule.add(NAME, 7 * SECOND);

        assertThat(schedule.due(7 * SECOND)).isEmpty();
    }

    @Test
    void retriesAFailedNameAfterOneSecondThenDoublingUpToFiveMinutes() {
        ResolveSchedule schedule = new ResolveSchedule(List.of(NAME), 0);
        long now = 0;
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            schedule.failed(NAME, "no such host", now);
            waits.add((schedule.nextDueMonoNanos() - now) / SECOND);
            now = schedule.nextDueMonoNanos();
        }

        assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 300L, 300L, 300L);
    }

    @Test
    void isNotDueBeforeItsRetryTime() {
        ResolveSchedule schedule = new ResolveSchedule(List.of(NAME), 0);

        schedule.failed(NAME, "no such host", 0);

        assertThat(schedule.due(SECOND - 1)).isEmpty();
        assertThat(schedule.due(SECOND)).containsExactly(NAME);
    }

    @Test
    void logsAFailureOnlyWhenItsReasonChanges() {
        ResolveSchedule schedule = new ResolveSchedule(List.of(NAME), 0);

        Optional<String> first = schedule.failed(NAME, "no such host", 0);
        Optional<String> same = schedule.failed(NAME, "no such host", SECOND);
        Optional<String> other = schedule.failed(NAME, "temporary failure in name resolution", 3 * SECOND);

        assertThat(first).hasValueSatisfying(line -> assertThat(line)
                .contains("server ntp.example.net: cannot resolve (no such host)").contains("5 min"));
        assertThat(same).isEmpty();
        assertThat(other).hasValueSatisfying(line -> assertThat(line).contains("temporary failure"));
    }

    @Test
    void looksAResolvedNameUpNoMoreUnlessAskedAgain() {
        ResolveSchedule schedule = new ResolveSchedule(List.of(NAME), 0);

        schedule.resolved(NAME, 0);

        assertThat(schedule.due(600 * SECOND)).isEmpty();
        assertThat(schedule.nextDueMonoNanos()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void looksANameAskedForAgainUpAtOnceWhenItsLastLookupIsLongPast() {
        ResolveSchedule schedule = new ResolveSchedule(List.of(POOL), 0);
        schedule.resolved(POOL, 0);

        schedule.again(POOL, 600 * SECOND);

        assertThat(schedule.due(600 * SECOND)).containsExactly(POOL);
    }

    @Test
    void spacesTheLookupsAPoolAsksForAgainDoublingUpToFiveMinutes() {
        ResolveSchedule schedule = new ResolveSchedule(List.of(POOL), 0);
        long now = 0;
        schedule.resolved(POOL, now);
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            schedule.again(POOL, now);
            waits.add((schedule.nextDueMonoNanos() - now) / SECOND);
            now = schedule.nextDueMonoNanos();
            schedule.resolved(POOL, now);
        }

        assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 300L, 300L);
    }

    @Test
    void retriesAPoolThatFailsWhenLookedUpAgain() {
        ResolveSchedule schedule = new ResolveSchedule(List.of(POOL), 0);
        schedule.resolved(POOL, 0);
        schedule.again(POOL, 600 * SECOND);

        Optional<String> logged = schedule.failed(POOL, "no such host", 600 * SECOND);

        assertThat(logged).hasValueSatisfying(line -> assertThat(line).contains("pool pool.example.net: cannot resolve"));
        assertThat(schedule.due(600 * SECOND + SECOND)).isEmpty();
        assertThat(schedule.due(600 * SECOND + 2 * SECOND)).containsExactly(POOL);
    }

    @Test
    void finishesItsFirstRoundOnceEveryNameWasTried() {
        ResolveSchedule.Name other = name("pool.example.net");
        ResolveSchedule schedule = new ResolveSchedule(List.of(NAME, other), 0);

        schedule.failed(NAME, "no such host", 0);
        boolean afterOne = schedule.firstRoundDone();
        schedule.resolved(other, 0);

        assertThat(afterOne).isFalse();
        assertThat(schedule.firstRoundDone()).isTrue();
    }

    @Test
    void looksEveryNameUpAgainAtOnceOnSighup() {
        ResolveSchedule schedule = new ResolveSchedule(List.of(NAME, POOL), 0);
        schedule.resolved(NAME, 0);
        schedule.resolved(POOL, 0);

        schedule.allAgain(7 * SECOND);

        assertThat(schedule.due(7 * SECOND)).containsExactly(NAME, POOL);
    }

    @Test
    void retriesAFailingNameFromOneSecondAgainAfterSighup() {
        ResolveSchedule schedule = new ResolveSchedule(List.of(NAME), 0);
        for (int i = 0; i < 10; i++) {
            schedule.failed(NAME, "no such host", schedule.nextDueMonoNanos());
        }

        schedule.allAgain(3600 * SECOND);
        schedule.failed(NAME, "no such host", 3600 * SECOND);

        assertThat(schedule.nextDueMonoNanos()).isEqualTo(3601 * SECOND);
    }

    @Test
    void logsAFailureAgainAfterSighupEvenForTheSameReason() {
        ResolveSchedule schedule = new ResolveSchedule(List.of(NAME), 0);
        schedule.failed(NAME, "no such host", 0);

        schedule.allAgain(10 * SECOND);

        assertThat(schedule.failed(NAME, "no such host", 10 * SECOND)).isPresent();
    }
}
