package org.jntp.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.jntp.config.AssociationFlag;
import org.jntp.config.AssociationOptions;
import org.jntp.protocol.KissCode;

/**
 * A client association and a well-behaved server, driven by a test on one time line: the
 * monotonic clock runs from {@link #START_MONO_NANOS} and our clock reads {@link #CLOCK_OFFSET_NANOS}
 * ahead of it; the server's clock agrees with ours and answers after {@link #ONE_WAY_NANOS}.
 */
final class Exchange {
    static final long SECOND = 1_000_000_000L;
    static final long START_MONO_NANOS = 5_000 * SECOND;
    static final long CLOCK_OFFSET_NANOS = 1_795_681_550_123_456_789L;
    static final long ONE_WAY_NANOS = 20_000_000L;
    static final int PRECISION_LOG2 = -22;

    final ClientSource source;
    final FixedRandom random;

    Exchange(PollSettings settings, int jitter) {
        this.source = new ClientSource(settings, PRECISION_LOG2, START_MONO_NANOS);
        this.random = new FixedRandom(jitter);
    }

    /** Default poll limits (6..10), version 4, the given flags, no poll jitter. */
    static Exchange withFlags(AssociationFlag... flags) {
        AssociationOptions none = AssociationOptions.none();
        AssociationOptions options = new AssociationOptions(Set.of(flags), none.minPollLog2(),
                none.maxPollLog2(), none.version(), none.key(), none.mode(), none.ttl());
        return new Exchange(PollSettings.of(options), 0);
    }

    static long clockNanos(long monoNanos) {
        return monoNanos + CLOCK_OFFSET_NANOS;
    }

    /** Polls at the scheduled time and returns the request, which must be there. */
    Request pollWhenDue() {
        return pollAt(source.nextPollMonoNanos());
    }

    Request pollAt(long monoNanos) {
        Optional<Request> request = source.poll(monoNanos, clockNanos(monoNanos), random);
        assertThat(request).as("request at %d s", monoNanos / SECOND).isPresent();
        return request.orElseThrow();
    }

    /** The server's good answer, arriving a round trip after the request left at {@code sentMonoNanos}. */
    Reply answer(Request request, long sentMonoNanos) {
        long serverNanos = clockNanos(sentMonoNanos) + ONE_WAY_NANOS;
        return deliver(PacketBuilder.replyTo(request, serverNanos, serverNanos), request, sentMonoNanos + 2 * ONE_WAY_NANOS);
    }

    Reply kiss(Request request, KissCode code, int pollLog2, long sentMonoNanos) {
        return deliver(PacketBuilder.kiss(request, code, pollLog2), request, sentMonoNanos + 2 * ONE_WAY_NANOS);
    }

    Reply deliver(PacketBuilder reply, Request request, long arrivalMonoNanos) {
        byte[] bytes = reply.bytes();
        return source.receive(bytes, bytes.length, request.id(), clockNanos(arrivalMonoNanos), 0, arrivalMonoNanos);
    }

    /** Polls when due and has the server answer at once; returns when the request left. */
    long pollAndAnswer() {
        long sentMonoNanos = source.nextPollMonoNanos();
        answer(pollAt(sentMonoNanos), sentMonoNanos);
        return sentMonoNanos;
    }

    /** Polls when due and lets the request go unanswered; returns when it left. */
    long pollUnanswered() {
        long sentMonoNanos = source.nextPollMonoNanos();
        pollAt(sentMonoNanos);
        return sentMonoNanos;
    }
}
