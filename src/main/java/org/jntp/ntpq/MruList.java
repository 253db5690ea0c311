package org.jntp.ntpq;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SequencedMap;
import org.jntp.protocol.control.ControlError;
import org.jntp.protocol.control.ControlHeader;
import org.jntp.protocol.control.ControlOpcode;
import org.jntp.protocol.control.NonceProof;

/**
 * ntpq's {@code mrulist}: a nonce (REQ_NONCE), then READ_MRU requests with the nonce, each after
 * the first naming the newest rows already had ({@code addr.N}, {@code last.N}) so that ntpd goes
 * on after them, until an answer carries {@code now}; then the table. As ntpq 4.2.8 does, it asks
 * for more fragments after each answer and fewer after a lost one, falls back to a row limit when
 * ntpd refuses the fragment count, and starts over when ntpd knows none of the rows named. Unlike
 * ntpq, which would ask on for ever, it gives up after {@value #MAX_LOST} lost answers in a row,
 * and it fetches a fresh nonce after each, as the old one may have lapsed.
 */
final class MruList {
    /** ntpq's {@code MAXFRAGS}. */
    private static final int MAX_FRAGS = 32;
    /** ntpq's {@code MRU_ROW_LIMIT}. */
    private static final int ROW_LIMIT = 256;
    private static final int MAX_RESTARTS = 8;
    private static final int MAX_LOST = 3;
    /** A nonce is used this many times before a fresh one is fetched. */
    private static final int NONCE_USES = 4;
    /** Bounds the conversation: at 3 rows or more a request, far more than any MRU list holds. */
    private static final int MAX_REQUESTS = 100_000;

    private final NtpqShell shell;
    private final MruOptions options;
    /** The rows had so far, by address and port, oldest first. */
    private final SequencedMap<String, MruEntry> rows = new LinkedHashMap<>();
    private int updates;

    private MruList(NtpqShell shell, MruOptions options) {
        this.shell = shell;
        this.options = options;
    }

    /** Runs {@code mrulist} with its arguments. */
    static void run(NtpqShell shell, List<String> args) {
        MruOptions options = MruOptions.parse(args, shell.err());
        MruList list = new MruList(shell, options);
        Optional<Long> nowBits = list.collect();
        if (nowBits.isEmpty() || shell.rawMode()) {
            return;
        }
        List<MruEntry> newestFirst = new ArrayList<>(list.rows.sequencedValues().reversed());
        shell.out().print(MruTable.format(options.sort().sort(newestFirst), nowBits.get(), shell.display()));
    }

    /** {@code collect_mru_list}: the rows into {@link #rows}; the server's time at the end, or empty on failure. */
    private Optional<Long> collect() {
        Optional<String> nonce = fetchNonce();
        if (nonce.isEmpty()) {
            return Optional.empty();
        }
        boolean capFrags = options.limit().isEmpty();
        int frags = options.frags().orElse(MAX_FRAGS);
        int rowLimit = ROW_LIMIT;
        int limit = options.limit().orElse(Math.min(3 * MAX_FRAGS, rowLimit));
        int nonceUses = 0;
        int restarts = 0;
        int lost = 0;
        for (int request = 0; request < MAX_REQUESTS; request++) {
            if (nonceUses >= NONCE_USES) {
                nonce = fetchNonce();
                if (nonce.isEmpty()) {
                    return Optional.empty();
                }
                nonceUses = 0;
            }
            StringBuilder data = new StringBuilder("nonce=").append(nonce.get())
                    .append(capFrags ? ", frags=" + frags : ", limit=" + limit).append(options.parameters());
            int priors = addPriors(data);
            nonceUses++;
            Optional<ControlSession.Outcome> exchanged = shell.exchange(ControlOpcode.READ_MRU, data.toString());
            if (exchanged.isEmpty()) {
                return Optional.empty();
            }
            ControlSession.Outcome outcome = exchanged.get();
            if (outcome instanceof ControlSession.Outcome.NothingReceived
                    || outcome instanceof ControlSession.Outcome.Incomplete) {
                if (++lost >= MAX_LOST) {
                    shell.report(outcome);
                    return Optional.empty();
                }
                if (capFrags) {
                    frags = Math.max(2, frags / 2);
                } else {
                    limit = Math.max(2, limit / 2);
                }
                nonceUses = NONCE_USES;
                continue;
            }
            lost = 0;
            switch (outcome) {
                case ControlSession.Outcome.Done done -> {
                    if (shell.rawMode()) {
                        shell.out().print(VariablePrinter.raw(done.answer().payload(), done.answer().status(), true));
                    }
                    MruReply reply = MruReply.parse(done.answer().payload());
                    reply.entries().forEach(this::add);
                    if (reply.nonce().isPresent()) {
                        nonce = reply.nonce();
                        nonceUses = 0;
                    }
                    if (reply.complete()) {
                        shell.err().printf(Locale.ROOT, "\rRetrieved %d unique MRU entries and %d updates.\n",
                                rows.size(), updates);
                        return Optional.of(reply.nowBits().getAsLong());
                    }
                    if (options.frags().isEmpty() && options.limit().isEmpty()) {
                        frags = Math.min(MAX_FRAGS, frags + 1);
                        limit = Math.min(Math.min(3 * MAX_FRAGS, rowLimit), Math.max(limit + 1, limit * 33 / 32));
                    }
                }
                case ControlSession.Outcome.ServerError error when error.code() == ControlError.UNKNOWNVAR.code() -> {
                    if (priors == 0) {
                        shell.err().println("CERR_UNKNOWNVAR from ntpd but no priors given.");
                        return Optional.empty();
                    }
                    dropNewest(priors);
                    if (rows.isEmpty() && ++restarts > MAX_RESTARTS) {
                        shell.err().print("Giving up after 8 restarts from the beginning.\n"
                                + "With high-traffic NTP servers, this can occur if the\n"
                                + "MRU list is limited to less than about 16 seconds' of\n"
                                + "entries.  See the 'mru' ntp.conf directive to adjust.\n");
                        return Optional.empty();
                    }
                }
                case ControlSession.Outcome.ServerError error when error.code() == ControlError.BADVALUE.code() -> {
                    if (capFrags) {
                        capFrags = false;
                    } else {
                        rowLimit--;
                        limit = Math.min(limit, rowLimit);
                    }
                }
                default -> {
                    shell.report(outcome);
                    return Optional.empty();
                }
            }
        }
        shell.err().println("***mrulist gave up after " + MAX_REQUESTS + " requests");
        return Optional.empty();
    }

    /**
     * Names the newest rows, newest first, as many as fit in one request, so that ntpd goes on
     * after the newest it still has unchanged; returns how many.
     */
    private int addPriors(StringBuilder data) {
        int index = 0;
        for (MruEntry row : rows.sequencedValues().reversed()) {
            String prior = String.format(Locale.ROOT, ", addr.%d=%s, last.%d=0x%08x.%08x", index,
                    row.address().textWithPort(), index, row.lastBits() >>> 32, row.lastBits() & 0xFFFF_FFFFL);
            if (data.length() + prior.length() >= ControlHeader.MAX_DATA_LENGTH) {
                break;
            }
            data.append(prior);
            index++;
        }
        return index;
    }

    /** {@code add_mru}: a row, replacing the one of the same address and port as the newest. */
    private void add(MruEntry row) {
        String key = row.address().textWithPort();
        if (rows.remove(key) != null) {
            updates++;
        }
        rows.put(key, row);
    }

    /** Forgets the newest rows, those ntpd did not know, to ask again from the ones before. */
    private void dropNewest(int count) {
        for (int i = 0; i < count && !rows.isEmpty(); i++) {
            rows.pollLastEntry();
        }
    }

    /**
     * {@code fetch_nonce}: REQ_NONCE, padded to the answer's length as jntp wants it from another
     * host (ntpd ignores the data), and the nonce of its {@code nonce=} answer.
     */
    private Optional<String> fetchNonce() {
        Optional<Answer> answer = shell.query(ControlOpcode.REQ_NONCE, 0, " ".repeat(NonceProof.NONCE_REQUEST_PADDING));
        if (answer.isEmpty()) {
            shell.err().println("nonce request failed");
            return Optional.empty();
        }
        String text = new String(answer.get().payload(), StandardCharsets.ISO_8859_1);
        if (text.length() <= "nonce=".length() || !text.startsWith("nonce=")) {
            shell.err().println("unexpected nonce response format: " + text);
            return Optional.empty();
        }
        return Optional.of(text.substring("nonce=".length()).replaceAll("[\\r\\n]+$", ""));
    }
}
