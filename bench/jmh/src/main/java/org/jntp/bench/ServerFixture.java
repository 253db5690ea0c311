package org.jntp.bench;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReference;
import org.jntp.config.ConfigParser;
import org.jntp.config.ConfigResult;
import org.jntp.config.NtpConfig;
import org.jntp.protocol.NtpHeader;
import org.jntp.protocol.NtpTimestamp;
import org.jntp.refclock.LocalClock;
import org.jntp.server.NtpServer;
import org.jntp.server.NtsServing;
import org.jntp.server.ServerCounters;
import org.jntp.server.SystemVariables;
import org.jntp.server.access.MruList;
import org.jntp.server.access.RestrictTable;

/**
 * A server wired as the daemon wires one server thread: from ntp.conf text, with the local clock
 * driver's system variables behind an AtomicReference and a sharded MRU list.
 *
 * @param server   the request handler
 * @param mru      its monitor list, to check what a benchmark exercised
 * @param counters its counters, to check what a benchmark exercised
 */
record ServerFixture(NtpServer server, MruList mru, ServerCounters counters) {
    /** 2026-11-26, a fixed start so runs replay; the benchmarks advance time themselves. */
    static final long START_NANOS = 1_795_681_550_123_456_789L;
    static final long SECOND_NANOS = 1_000_000_000L;
    /** The daemon's shard count (Daemon.MRU_SHARDS). */
    private static final int MRU_SHARDS = 16;
    private static final long MRU_SEED = 42;
    private static final int PRECISION_LOG2 = -24;

    /** A server configured by the given ntp.conf text, synchronized to the local clock at {@link #START_NANOS}. */
    static ServerFixture configuredBy(String ntpConf) {
        return configuredBy(ntpConf, NtsServing.off());
    }

    /** The same, answering NTS requests as {@code nts} has it. */
    static ServerFixture configuredBy(String ntpConf, NtsServing nts) {
        NtpConfig config = switch (ConfigParser.parse(ntpConf, "bench.conf")) {
            case ConfigResult.Valid valid -> valid.config();
            case ConfigResult.Invalid invalid -> throw new IllegalArgumentException(
                    "benchmark configuration has errors: " + invalid.errors());
        };
        SystemVariables local = new LocalClock(LocalClock.DEFAULT_STRATUM, LocalClock.DEFAULT_REFERENCE_ID)
                .poll(START_NANOS, PRECISION_LOG2);
        AtomicReference<SystemVariables> system = new AtomicReference<>(local);
        RestrictTable restrictions = config.restrictTable();
        MruList mru = MruList.create(config.mru(), config.discard(), MRU_SHARDS, MRU_SEED);
        ServerCounters counters = new ServerCounters();
        NtpServer server = new NtpServer(system::get, () -> restrictions, mru, config.discard().averageLog2(),
                counters, nts);
        return new ServerFixture(server, mru, counters);
    }

    /**
     * An NTPv4 client request, in a direct buffer as the daemon's receive batch hands it over.
     */
    static ByteBuffer clientRequest() {
        ByteBuffer request = ByteBuffer.allocateDirect(NtpHeader.LENGTH);
        NtpHeader.clientRequest(NtpHeader.VERSION, NtpTimestamp.ofUnixNanos(START_NANOS - 3_000_000)).encode(request);
        return request.flip();
    }

    /** Room for any reply, in a direct buffer as the daemon's send batch has. */
    static ByteBuffer replyBuffer() {
        return ByteBuffer.allocateDirect(1280);
    }
}
