package org.jntp.protocol.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reassembles the fragments of one response by offset, as ntpq does ({@code getresponse}):
 * fragments may come in any order; duplicates, overlaps, a second last fragment and data past
 * the last one are set aside; the total size and the number of fragments are bounded. The
 * response is complete once the last fragment (no More bit) has come and no gap is left before
 * its end. Not thread-safe: one per request.
 */
public final class FragmentAssembler {
    /** Most fragments in one response ({@code MAXFRAGS} in ntpq). */
    public static final int MAX_FRAGMENTS = 32;

    /**
     * A range of the response not received yet.
     *
     * @param offset where it starts
     * @param length how many octets
     */
    public record Gap(int offset, int length) {}

    private final int sequence;
    private final int opcode;
    private final int maxPayloadOctets;
    private final TreeMap<Integer, ResponseFragment> byOffset = new TreeMap<>();
    private int end = -1;
    private boolean done;

    /**
     * An assembler for the response to a request.
     *
     * @param sequence the request's sequence number
     * @param opcode the request's opcode
     * @param maxPayloadOctets the largest response to accept
     */
    public FragmentAssembler(int sequence, int opcode, int maxPayloadOctets) {
        this.sequence = sequence;
        this.opcode = opcode;
        this.maxPayloadOctets = maxPayloadOctets;
    }

    /** Takes one fragment and says where the response stands. */
    public Assembly offer(ResponseFragment fragment) {
        ControlHeader header = fragment.header();
        if (header.sequence() != sequence) {
            return new Assembly.Rejected(FragmentRejection.WRONG_SEQUENCE);
        }
        if (header.opcode() != opcode) {
            return new Assembly.Rejected(FragmentRejection.WRONG_OPCODE);
        }
        if (done) {
            return new Assembly.Rejected(FragmentRejection.ALREADY_DONE);
        }
        if (header.error()) {
            done = true;
            return new Assembly.Failed(header.errorCode());
        }
        Optional<FragmentRejection> rejection = check(header);
        if (rejection.isPresent()) {
            return new Assembly.Rejected(rejection.get());
        }
        byOffset.put(header.offset(), fragment);
        if (!header.more()) {
            end = header.offset() + header.count();
        }
        if (end < 0 || !gaps().isEmpty()) {
            return new Assembly.Waiting();
        }
        done = true;
        return new Assembly.Complete(byOffset.firstEntry().getValue().header().status(), payload());
    }

    private Optional<FragmentRejection> check(ControlHeader header) {
        int offset = header.offset();
        int fragmentEnd = offset + header.count();
        if (header.count() == 0 && header.more()) {
            return Optional.of(FragmentRejection.EMPTY_NON_FINAL);
        }
        if (byOffset.containsKey(offset)) {
            return Optional.of(FragmentRejection.DUPLICATE);
        }
        if (!header.more() && end >= 0) {
            return Optional.of(FragmentRejection.SECOND_LAST_FRAGMENT);
        }
        if (end >= 0 && fragmentEnd > end
                || !header.more() && !byOffset.isEmpty() && lastEnd(byOffset.lastEntry()) > fragmentEnd) {
            return Optional.of(FragmentRejection.BEYOND_LAST);
        }
        Map.Entry<Integer, ResponseFragment> before = byOffset.floorEntry(offset);
        Map.Entry<Integer, ResponseFragment> after = byOffset.ceilingEntry(offset);
        if (before != null && lastEnd(before) > offset || after != null && after.getKey() < fragmentEnd) {
            return Optional.of(FragmentRejection.OVERLAP);
        }
        if (byOffset.size() >= MAX_FRAGMENTS) {
            return Optional.of(FragmentRejection.TOO_MANY_FRAGMENTS);
        }
        if (fragmentEnd > maxPayloadOctets) {
            return Optional.of(FragmentRejection.TOO_LARGE);
        }
        return Optional.empty();
    }

    private static int lastEnd(Map.Entry<Integer, ResponseFragment> entry) {
        return entry.getKey() + entry.getValue().header().count();
    }

    /**
     * The ranges still missing: between the fragments received, and up to the end once the last
     * fragment has come. Before that the tail is unknown and not listed.
     */
    public List<Gap> gaps() {
        List<Gap> gaps = new ArrayList<>();
        int expected = 0;
        for (Map.Entry<Integer, ResponseFragment> entry : byOffset.entrySet()) {
            if (entry.getKey() > expected) {
                gaps.add(new Gap(expected, entry.getKey() - expected));
            }
            expected = lastEnd(entry);
        }
        if (end > expected) {
            gaps.add(new Gap(expected, end - expected));
        }
        return gaps;
    }

    /** Whether the last fragment (no More bit) has come. */
    public boolean lastFragmentSeen() {
        return end >= 0;
    }

    private byte[] payload() {
        byte[] payload = new byte[end];
        for (ResponseFragment fragment : byOffset.values()) {
            System.arraycopy(fragment.data(), 0, payload, fragment.header().offset(), fragment.header().count());
        }
        return payload;
    }
}
