package org.jntp.source;

import org.jntp.config.AssociationFlag;
import org.jntp.config.AssociationOptions;
import org.jntp.discipline.NtpConstants;
import org.jntp.protocol.NtpHeader;

/**
 * The options of a server, pool or peer line that steer the poll process.
 *
 * @param minPollLog2 {@code minpoll}, log2 seconds
 * @param maxPollLog2 {@code maxpoll}, log2 seconds, at least {@code minPollLog2}
 * @param version     NTP version to send, 1 to 4
 * @param iburst      send a volley when the source is unreachable
 * @param burst       send a volley at each poll while the source is reachable
 * @param preempt     keep counting unanswered polls while reachable, so the daemon can drop the association
 */
public record PollSettings(int minPollLog2, int maxPollLog2, int version, boolean iburst, boolean burst,
        boolean preempt) {

    /** Checks the exponents are in ntpd's range and ordered, and the version is one we speak. */
    public PollSettings {
        if (minPollLog2 < NtpConstants.MINPOLL_LIMIT || maxPollLog2 > NtpConstants.MAXPOLL_LIMIT
                || minPollLog2 > maxPollLog2) {
            throw new IllegalArgumentException("poll exponents " + minPollLog2 + ".." + maxPollLog2);
        }
        if (version < NtpHeader.MIN_VERSION || version > NtpHeader.VERSION) {
            throw new IllegalArgumentException("version " + version);
        }
    }

    /**
     * The settings of a configuration line with ntpd 4.2.8's defaults (minpoll 6, maxpoll 10,
     * version 4) and its clamping in newpeer(): each exponent into 3..17, then minpoll down to
     * maxpoll if it is above.
     */
    public static PollSettings of(AssociationOptions options) {
        int maxPoll = clamp(options.maxPollLog2().orElse(NtpConstants.MAXPOLL));
        int minPoll = Math.min(clamp(options.minPollLog2().orElse(NtpConstants.MINPOLL)), maxPoll);
        return new PollSettings(minPoll, maxPoll, options.version().orElse(NtpHeader.VERSION),
                options.has(AssociationFlag.IBURST), options.has(AssociationFlag.BURST),
                options.has(AssociationFlag.PREEMPT));
    }

    private static int clamp(int pollLog2) {
        return Math.clamp(pollLog2, NtpConstants.MINPOLL_LIMIT, NtpConstants.MAXPOLL_LIMIT);
    }
}
