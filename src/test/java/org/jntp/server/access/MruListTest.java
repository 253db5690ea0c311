package org.jntp.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MruListTest {
    private static final long SECOND = 1_000_000_000L;
    private static final int MODE_CLIENT = 3;
    private static final int VERSION = 4;
    private static final int LIMITED = RestrictFlag.LIMITED.bit();
    private static final int LIMITED_KOD = LIMITED | RestrictFlag.KOD.bit();
    private static final IpAddress CLIENT = IpAddress.parseLiteral("198.51.100.7").orElseThrow();

    private static MruList list() {
        return MruList.create(MruSettings.defaults(), DiscardSettings.defaults(), 1, 42);
    }

    private static MruList list(int maxDepth, int minDepth, int maxAgeSeconds, int minAgeSeconds, int monitorSeconds) {
        return MruList.create(new MruSettings(maxDepth, minDepth, maxAgeSeconds, minAgeSeconds, 0, 0),
                new DiscardSettings(3, 2, monitorSeconds), 1, 42);
    }

    private static RateDecision observe(MruList list, IpAddress client, long nowNanos, int restrictFlags) {
        return list.observe(client.mappedHigh(), client.mappedLow(), 40123, MODE_CLIENT, VERSION, nowNanos,
                restrictFlags);
    }

    private static IpAddress client(int n) {
        return IpAddress.ipv4(0x0A00_0000 + n);
    }

    @Test
    void firstPacketFromAClientPasses() {
        assertThat(observe(list(), CLIENT, 0, LIMITED_KOD)).isEqualTo(RateDecision.PASS);
    }

    @Test
    void clientsWithoutLimitedAreNeverRateLimited() {
        MruList list = list();
        for (int i = 0; i < 100; i++) {
            assertThat(observe(list, CLIENT, i * SECOND / 10, RestrictFlag.KOD.bit())).isEqualTo(RateDecision.PASS);
        }
    }

    @Test
    void limitedDropsAPacketCloserThanTheMinimumToThePrevious() {
        MruList list = list();
        observe(list, CLIENT, 0, LIMITED);
        assertThat(observe(list, CLIENT, SECOND / 4, LIMITED)).isEqualTo(RateDecision.DROP);
    }

    @Test
    void packetsOneSecondApartMeetTheTwoSecondMinimumWithItsGrace() {
        MruList list = list();
        observe(list, CLIENT, 0, LIMITED);
        assertThat(observe(list, CLIENT, SECOND, LIMITED)).isEqualTo(RateDecision.PASS);
    }

    @Test
    void limitedDropsAClientExceedingTheAverage() {
        MruList list = list();
        List<RateDecision> decisions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            decisions.add(observe(list, CLIENT, i * 2 * SECOND, LIMITED));
        }
        assertThat(decisions.subList(0, 15)).containsOnly(RateDecision.PASS);
        assertThat(decisions.subList(15, 20)).containsOnly(RateDecision.DROP);
    }

    @Test
    void clientPollingAtTheAverageIsNeverLimited() {
        MruList list = list();
        for (int i = 0; i < 1000; i++) {
            assertThat(observe(list, CLIENT, i * 8 * SECOND, LIMITED_KOD)).isEqualTo(RateDecision.PASS);
        }
    }

    @Test
    void kodAnswersTheFirstViolationWithAKissOfDeath() {
        MruList list = list();
        observe(list, CLIENT, 0, LIMITED_KOD);
        assertThat(observe(list, CLIENT, SECOND / 4, LIMITED_KOD)).isEqualTo(RateDecision.KISS_OF_DEATH);
    }

    @Test
    void kissOfDeathIsNotRepeatedWithinTheAverageHeadway() {
        MruList list = list();
        observe(list, CLIENT, 0, LIMITED_KOD);
        assertThat(observe(list, CLIENT, SECOND / 4, LIMITED_KOD)).isEqualTo(RateDecision.KISS_OF_DEATH);
        List<RateDecision> next = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            next.add(observe(list, CLIENT, SECOND / 4 + i * SECOND, LIMITED_KOD));
        }
        assertThat(next).containsOnly(RateDecision.DROP);
        assertThat(observe(list, CLIENT, SECOND / 4 + 9 * SECOND, LIMITED_KOD)).isEqualTo(RateDecision.KISS_OF_DEATH);
    }

    @Test
    void limitedWithoutKodOnlyDrops() {
        MruList list = list();
        observe(list, CLIENT, 0, LIMITED);
        for (int i = 1; i < 50; i++) {
            assertThat(observe(list, CLIENT, i * SECOND / 4, LIMITED)).isNotEqualTo(RateDecision.KISS_OF_DEATH);
        }
    }

    @Test
    void aLimitedClientRecoversOnceItSlowsDown() {
        MruList list = list();
        observe(list, CLIENT, 0, LIMITED);
        observe(list, CLIENT, SECOND / 4, LIMITED);
        assertThat(observe(list, CLIENT, 100 * SECOND, LIMITED)).isEqualTo(RateDecision.PASS);
    }

    @Test
    void keepsCountTimesModeVersionAndLatestPortPerClient() {
        MruList list = list();
        list.observe(CLIENT.mappedHigh(), CLIENT.mappedLow(), 1000, MODE_CLIENT, 3, 5 * SECOND, 0);
        list.observe(CLIENT.mappedHigh(), CLIENT.mappedLow(), 2000, 6, 2, 9 * SECOND, RestrictFlag.NOQUERY.bit());
        assertThat(list.snapshot()).containsExactly(
                new MruEntry(CLIENT, 2000, 5 * SECOND, 9 * SECOND, 2, RestrictFlag.NOQUERY.bit(), 6, 2));
    }

    @Test
    void entryShowsLimitedAndKodOnlyWhenTheLatestPacketWasLimited() {
        MruList list = list();
        observe(list, CLIENT, 0, LIMITED_KOD);
        assertThat(list.snapshot().getFirst().restrictFlags()).isZero();
        observe(list, CLIENT, SECOND / 4, LIMITED_KOD);
        assertThat(list.snapshot().getFirst().restrictFlags()).isEqualTo(LIMITED_KOD);
    }

    @Test
    void ipv4AndIpv6ClientsHaveSeparateEntries() {
        MruList list = list();
        IpAddress v6 = IpAddress.parseLiteral("2001:db8::7").orElseThrow();
        observe(list, CLIENT, 0, 0);
        observe(list, v6, SECOND, 0);
        assertThat(list.snapshot()).extracting(MruEntry::address).containsExactly(v6, CLIENT);
    }

    @Test
    void boundedAtMaxDepthEvictingTheLeastRecentlyUsed() {
        MruList list = list(4, 4, 64, 0, 3000);
        for (int i = 0; i < 4; i++) {
            observe(list, client(i), i * SECOND, 0);
        }
        observe(list, client(0), 100 * SECOND, 0);
        observe(list, client(9), 200 * SECOND, 0);
        assertThat(list.size()).isEqualTo(4);
        assertThat(list.snapshot()).extracting(MruEntry::address)
                .containsExactly(client(9), client(0), client(3), client(2));
    }

    @Test
    void staysWithinMaxDepthUnderAFloodOfNewClients() {
        MruList list = list(64, 0, 64, 0, 1);
        for (int i = 0; i < 10_000; i++) {
            observe(list, client(i), i * SECOND, 0);
        }
        assertThat(list.size()).isEqualTo(64);
        assertThat(list.snapshot().getFirst().address()).isEqualTo(client(9_999));
    }

    @Test
    void belowMindepthNothingIsRecycledHoweverOld() {
        MruList list = list(2, 3, 64, 0, 3000);
        for (int i = 0; i < 3; i++) {
            observe(list, client(i), i * 1000 * SECOND, 0);
        }
        assertThat(list.size()).isEqualTo(3);
    }

    @Test
    void fullListRecordsNoNewClientWhileTheOldestIsYoungerThanMinage() {
        MruList list = list(2, 0, 3600, 64, 1);
        observe(list, client(1), 0, 0);
        observe(list, client(2), SECOND, 0);
        assertThat(observe(list, client(3), 10 * SECOND, LIMITED_KOD)).isEqualTo(RateDecision.PASS);
        assertThat(list.snapshot()).extracting(MruEntry::address).containsExactly(client(2), client(1));
    }

    @Test
    void fullListRecyclesTheOldestOnceItIsOlderThanTheMonitorAge() {
        MruList list = list(2, 0, 3600, 0, 100);
        observe(list, client(1), 0, 0);
        observe(list, client(2), SECOND, 0);
        observe(list, client(3), 200 * SECOND, 0);
        assertThat(list.snapshot()).extracting(MruEntry::address).containsExactly(client(3), client(2));
    }

    @Test
    void shardsTogetherHoldMaxDepth() {
        MruList list = MruList.create(new MruSettings(1000, 0, 64, 0, 0, 0), DiscardSettings.defaults(), 8, 7);
        assertThat(list.capacity()).isEqualTo(1000);
    }

    @Test
    void capacityFollowsMindepthWhenItExceedsMaxdepth() {
        MruList list = MruList.create(new MruSettings(10, 600, 64, 0, 0, 0), DiscardSettings.defaults(), 1, 7);
        assertThat(list.capacity()).isEqualTo(600);
    }

    private static MruList growing(int maxDepth, int minDepth, int initialAlloc, int incrementAlloc) {
        return MruList.create(new MruSettings(maxDepth, minDepth, 64, 0, initialAlloc, incrementAlloc),
                new DiscardSettings(3, 2, 1), 1, 42);
    }

    @Test
    void startsWithRoomForInitallocEntriesOnly() {
        MruList list = growing(1000, 0, 50, 20);
        assertThat(list.allocated()).isEqualTo(50);
        assertThat(list.capacity()).isEqualTo(1000);
    }

    @Test
    void defaultsStartAtInitmemOfFourKilobytesAcrossAllShards() {
        MruList list = MruList.create(MruSettings.defaults(), DiscardSettings.defaults(), 16, 3);
        assertThat(list.allocated()).isEqualTo(MruSettings.entriesIn(4));
        assertThat(list.capacity()).isEqualTo(MruSettings.entriesIn(1024));
    }

    @Test
    void growsByIncallocWhenANewClientFindsItFullAndUnderItsBound() {
        MruList list = growing(1000, 0, 10, 20);
        for (int i = 0; i < 10; i++) {
            observe(list, client(i), i * SECOND, 0);
        }
        assertThat(list.allocated()).isEqualTo(10);
        observe(list, client(10), 10 * SECOND, 0);
        assertThat(list.allocated()).isEqualTo(30);
        assertThat(list.size()).isEqualTo(11);
    }

    @Test
    void growsByAsManyAsItHoldsOnceThatIsMoreThanIncalloc() {
        MruList list = growing(1000, 0, 50, 20);
        for (int i = 0; i < 50; i++) {
            observe(list, client(i), i * SECOND, 0);
        }
        assertThat(list.allocated()).isEqualTo(50);
        observe(list, client(50), 50 * SECOND, 0);
        assertThat(list.allocated()).isEqualTo(100);
        assertThat(list.size()).isEqualTo(51);
    }

    @Test
    void growsBelowMindepthEvenWhenMaxdepthIsLower() {
        MruList list = growing(5, 30, 10, 10);
        for (int i = 0; i < 30; i++) {
            observe(list, client(i), i * 1000 * SECOND, 0);
        }
        assertThat(list.allocated()).isEqualTo(30);
        assertThat(list.size()).isEqualTo(30);
    }

    @Test
    void neverGrowsBeyondItsBound() {
        int maxmem16 = MruSettings.entriesIn(16);
        MruList list = MruList.create(MruSettings.defaults().withMaxDepth(maxmem16).withMinDepth(0),
                new DiscardSettings(3, 2, 1), 4, 5);
        for (int i = 0; i < 10_000; i++) {
            observe(list, client(i), i * SECOND / 1000, 0);
        }
        assertThat(maxmem16).isEqualTo(186);
        assertThat(list.allocated()).isEqualTo(186);
        assertThat(list.size()).isEqualTo(186);
    }

    @Test
    void keepsEveryClientItHasRoomForAcrossGrowthSteps() {
        MruList list = growing(1000, 0, 3, 7);
        for (int i = 0; i < 500; i++) {
            observe(list, client(i), i * SECOND / 100, 0);
        }
        for (int i = 0; i < 500; i++) {
            observe(list, client(i), 10 * SECOND + i * SECOND / 100, 0);
        }
        assertThat(list.size()).isEqualTo(500);
        assertThat(list.snapshot()).allSatisfy(entry -> assertThat(entry.count()).isEqualTo(2));
    }

    @Test
    void growingListDecidesAndEvictsExactlyAsAPreallocatedOne() {
        Random random = new Random(20261127);
        for (int round = 0; round < 20; round++) {
            int maxDepth = 1 + random.nextInt(300);
            int minDepth = random.nextInt(400);
            int increment = random.nextInt(50);
            MruSettings settings = new MruSettings(maxDepth, minDepth, 1 + random.nextInt(100), random.nextInt(20),
                    random.nextInt(60), increment);
            DiscardSettings discard = new DiscardSettings(3, 2, 1 + random.nextInt(200));
            int shards = 1 << random.nextInt(3);
            MruList growing = MruList.create(settings, discard, shards, round);
            MruList preallocated = MruList.create(settings.withInitialAlloc(Integer.MAX_VALUE), discard, shards,
                    round);
            long nowNanos = 0;
            for (int packet = 0; packet < 5_000; packet++) {
                nowNanos += random.nextInt(3) * SECOND / 2;
                IpAddress client = client(random.nextInt(2 * Math.max(maxDepth, minDepth) + 10));
                int flags = random.nextBoolean() ? LIMITED_KOD : 0;
                assertThat(observe(growing, client, nowNanos, flags))
                        .isEqualTo(observe(preallocated, client, nowNanos, flags));
            }
            assertThat(growing.snapshot()).isEqualTo(preallocated.snapshot());
            assertThat(growing.allocated()).isBetween(growing.size(), growing.capacity());
        }
    }

    @Test
    void countsFromSeveralThreadsAreExactPerClient() throws Exception {
        MruList list = MruList.create(MruSettings.defaults(), DiscardSettings.defaults(), 4, 11);
        int threads = 4;
        int packetsPerThread = 20_000;
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < packetsPerThread; i++) {
                        observe(list, CLIENT, i * SECOND, 0);
                        observe(list, client(thread * packetsPerThread + i % 500), i * SECOND, 0);
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        }
        MruEntry shared = list.snapshot().stream().filter(e -> e.address().equals(CLIENT)).findFirst().orElseThrow();
        assertThat(shared.count()).isEqualTo(threads * packetsPerThread);
        assertThat(list.size()).isEqualTo(1 + threads * 500);
    }

    @Test
    void givesTheTransmitTimeOfTheReplyToTheRequestTheOriginNames() {
        MruList list = list();
        observe(list, CLIENT, 0, 0);
        list.exchangeReceiveTime(CLIENT.mappedHigh(), CLIENT.mappedLow(), 0, 0x100L);
        list.recordTransmitTime(CLIENT.mappedHigh(), CLIENT.mappedLow(), 0x100L, 0x180L);
        observe(list, CLIENT, SECOND, 0);

        assertThat(list.exchangeReceiveTime(CLIENT.mappedHigh(), CLIENT.mappedLow(), 0x100L, 0x200L))
                .isEqualTo(0x180L);
    }

    @Test
    void keepsNoTransmitTimeForARequestTheClientHasSentAnotherAfter() {
        MruList list = list();
        observe(list, CLIENT, 0, 0);
        list.exchangeReceiveTime(CLIENT.mappedHigh(), CLIENT.mappedLow(), 0, 0x100L);
        list.exchangeReceiveTime(CLIENT.mappedHigh(), CLIENT.mappedLow(), 0, 0x200L);
        list.recordTransmitTime(CLIENT.mappedHigh(), CLIENT.mappedLow(), 0x100L, 0x180L);

        assertThat(list.exchangeReceiveTime(CLIENT.mappedHigh(), CLIENT.mappedLow(), 0x200L, 0x300L)).isZero();
    }

    @Test
    void keepsNoExchangeForAClientWithoutAnEntry() {
        MruList list = list();
        list.exchangeReceiveTime(CLIENT.mappedHigh(), CLIENT.mappedLow(), 0, 0x100L);
        list.recordTransmitTime(CLIENT.mappedHigh(), CLIENT.mappedLow(), 0x100L, 0x180L);

        assertThat(list.exchangeReceiveTime(CLIENT.mappedHigh(), CLIENT.mappedLow(), 0x100L, 0x200L)).isZero();
        assertThat(list.size()).isZero();
    }
}
