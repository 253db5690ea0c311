package org.jntp.source;

/**
 * The packet counters of one association, as ntpq's {@code readvar} and the statistics files show them.
 *
 * @param sent        packets sent
 * @param received    datagrams handed in from the source, whatever became of them
 * @param processed   packets that gave a sample
 * @param bogus       packets that answered nothing outstanding ({@link RejectReason#BOGUS})
 * @param duplicate   duplicates and replays ({@link RejectReason#DUPLICATE})
 * @param kissOfDeath genuine kiss-o'-death packets, of any code
 * @param rejected    all rejected packets, bogus and duplicates included
 */
public record SourceCounters(long sent, long received, long processed, long bogus, long duplicate,
        long kissOfDeath, long rejected) {}
