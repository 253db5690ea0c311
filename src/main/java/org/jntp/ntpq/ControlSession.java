package org.jntp.ntpq;

import java.io.IOException;
import java.io.PrintStream;
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.jntp.auth.NtpMac;
import org.jntp.auth.SymmetricKey;
import org.jntp.protocol.control.Assembly;
import org.jntp.protocol.control.ControlHeader;
import org.jntp.protocol.control.ControlError;
import org.jntp.protocol.control.ControlOpcode;
import org.jntp.protocol.control.ControlRequest;
import org.jntp.protocol.control.FragmentAssembler;
import org.jntp.protocol.control.FragmentParse;
import org.jntp.protocol.control.FragmentRejection;
import org.jntp.protocol.control.NonceProof;
import org.jntp.protocol.control.ResponseFragment;

/**
 * Requests and their responses with one server, as ntpq 4.2.8's {@code doquery}: a request, its
 * fragments reassembled, one silent retry when nothing or part came, and ntpq's messages on
 * standard error when it fails. A request may be signed with a key ({@code sendrequest}: padded to
 * 8 octets, then key ID and digest); a fragment of its response that carries a MAC with that key
 * which does not verify is dropped as forged. A server that refuses a request with PERMISSION may
 * want the client to show its address, as jntp does from another host: the request is sent once
 * more with a fresh nonce at its head ({@link NonceProof}), and later ones with that nonce while
 * it is young. Not thread-safe.
 */
public final class ControlSession implements AutoCloseable {
    /** ntpq's default wait for the first fragment. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration FRAGMENT_TIMEOUT = Duration.ofSeconds(3);
    /** ntpq's {@code DATASIZE}: 32 fragments of 480 octets. */
    private static final int MAX_PAYLOAD = FragmentAssembler.MAX_FRAGMENTS * 480;
    private static final int ERR_UNSPEC = 256;
    /** How long a nonce is sent again: half the 16 s the server takes it for. */
    private static final long NONCE_REUSE_NANOS = 8_000_000_000L;

    private final ControlTransport transport;
    private final String host;
    private final PrintStream err;
    private final LongSupplier clock;
    private Duration timeout = DEFAULT_TIMEOUT;
    private int version = 2;
    private int sequence;
    private boolean prefixServer;
    /** The nonce with which this host last showed the server its address, if it had to. */
    private Optional<String> nonce = Optional.empty();
    private long nonceReceivedNanos;

    /** What an exchange came to. */
    sealed interface Outcome {
        /** The response, complete. */
        record Done(Answer answer) implements Outcome {}

        /** No fragment came in time ({@code ERR_TIMEOUT}). */
        record NothingReceived() implements Outcome {}

        /** Some fragments came, not all ({@code ERR_INCOMPLETE}). */
        record Incomplete() implements Outcome {}

        /** More than ntpq takes in one response. */
        record TooMuch() implements Outcome {}

        /** The server answered with an error code ({@code CERR_*}, 256 when it gave none). */
        record ServerError(int code) implements Outcome {}

        /** The socket failed; already said why. */
        record Broken() implements Outcome {}
    }

    /**
     * A session over a transport.
     *
     * @param host the server's name as ntpq shows it in messages
     * @param err where messages go
     */
    public ControlSession(ControlTransport transport, String host, PrintStream err) {
        this(transport, host, err, System::nanoTime);
    }

    /** As {@link #ControlSession(ControlTransport, String, PrintStream)}, timing nonces by {@code clock} (ns). */
    ControlSession(ControlTransport transport, String host, PrintStream err, LongSupplier clock) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.host = Objects.requireNonNull(host, "host");
        this.err = Objects.requireNonNull(err, "err");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The server's name as messages show it ({@code currenthost}). */
    public String host() {
        return host;
    }

    /** Sets the wait for the first fragment of each response. */
    public void timeout(Duration timeout) {
        this.timeout = timeout;
    }

    /** Sets the version requests claim. */
    public void version(int version) {
        this.version = version;
    }

    /** Whether error messages start with {@code server=HOST} (several hosts asked). */
    public void prefixServer(boolean prefixServer) {
        this.prefixServer = prefixServer;
    }

    /**
     * Sends a request and waits for its response; on failure says why on standard error as ntpq
     * does, and returns empty.
     */
    public Optional<Answer> query(ControlOpcode opcode, int associationId, byte[] data) {
        return query(opcode, associationId, data, Optional.empty());
    }

    /**
     * As {@link #query(ControlOpcode, int, byte[])}, the request signed with the key when one is
     * given (and so each retry).
     */
    public Optional<Answer> query(ControlOpcode opcode, int associationId, byte[] data, Optional<SymmetricKey> key) {
        return report(exchange(opcode, associationId, data, key), associationId);
    }

    /**
     * {@code doqueryex} with {@code quiet}: sends a request and waits for its response, retrying
     * once silently when nothing or part came, and says nothing of how it ended. Refused with
     * PERMISSION, it asks for a nonce and sends the request once more with it.
     */
    Outcome exchange(ControlOpcode opcode, int associationId, byte[] data, Optional<SymmetricKey> key) {
        if (!carriesProof(opcode, data)) {
            return exchangeOnce(opcode, associationId, data, key);
        }
        Optional<String> held = nonce.filter(n -> clock.getAsLong() - nonceReceivedNanos < NONCE_REUSE_NANOS);
        Outcome outcome = exchangeOnce(opcode, associationId,
                held.map(n -> NonceProof.prefix(n, data)).orElse(data), key);
        if (!isPermissionError(outcome)) {
            return outcome;
        }
        Optional<String> fresh = fetchNonce(key);
        if (fresh.isEmpty()) {
            return outcome;
        }
        long receivedNanos = clock.getAsLong();
        Outcome proven = exchangeOnce(opcode, associationId, NonceProof.prefix(fresh.get(), data), key);
        if (!isPermissionError(proven)) {
            nonce = fresh;
            nonceReceivedNanos = receivedNanos;
        }
        return proven;
    }

    private static boolean isPermissionError(Outcome outcome) {
        return outcome instanceof Outcome.ServerError(int code) && code == ControlError.PERMISSION.code();
    }

    /**
     * Whether a request may carry a nonce at its head, should the server want one: not REQ_NONCE,
     * and not READ_MRU, which has its own; and only if there is room for it.
     */
    private static boolean carriesProof(ControlOpcode opcode, byte[] data) {
        return opcode != ControlOpcode.REQ_NONCE && opcode != ControlOpcode.READ_MRU
                && NonceProof.prefixedLength(data.length) <= ControlHeader.MAX_DATA_LENGTH;
    }

    /** A nonce, asked for as jntp answers another host: the request padded to the answer's length. */
    private Optional<String> fetchNonce(Optional<SymmetricKey> key) {
        byte[] padding = " ".repeat(NonceProof.NONCE_REQUEST_PADDING).getBytes(StandardCharsets.ISO_8859_1);
        return exchangeOnce(ControlOpcode.REQ_NONCE, 0, padding, key) instanceof Outcome.Done done
                ? NonceProof.ofAnswer(new String(done.answer().payload(), StandardCharsets.ISO_8859_1))
                : Optional.empty();
    }

    /** One request and its response, retried once silently when nothing or part came. */
    private Outcome exchangeOnce(ControlOpcode opcode, int associationId, byte[] data, Optional<SymmetricKey> key) {
        sequence = (sequence + 1) & 0xFFFF;
        boolean retried = false;
        while (true) {
            Outcome outcome = attempt(opcode, associationId, data, key);
            if (!retried && (outcome instanceof Outcome.NothingReceived || outcome instanceof Outcome.Incomplete)) {
                if (outcome instanceof Outcome.Incomplete) {
                    sequence = (sequence + 1) & 0xFFFF;
                }
                retried = true;
                continue;
            }
            return outcome;
        }
    }

    /** The answer of a complete exchange; otherwise ntpq's messages on standard error, and empty. */
    Optional<Answer> report(Outcome outcome, int associationId) {
        return switch (outcome) {
            case Outcome.Done done -> Optional.of(done.answer());
            case Outcome.NothingReceived n -> fail(host + ": timed out, nothing received", "***Request timed out");
            case Outcome.Incomplete i -> fail(host + ": timed out with incomplete data",
                    "***Response from server was incomplete");
            case Outcome.TooMuch t -> fail(null, "***Buffer size exceeded for returned data");
            case Outcome.ServerError e -> fail(null, serverError(e.code(), associationId));
            case Outcome.Broken b -> Optional.empty();
        };
    }

    private Optional<Answer> fail(String notice, String message) {
        if (notice != null) {
            err.println(notice);
        }
        err.println((prefixServer ? "server=" + host + " " : "") + message);
        return Optional.empty();
    }

    /** ntpq's {@code show_error_msg}. */
    static String serverError(int code, int associationId) {
        return switch (code) {
            case 1 -> "***Server disallowed request (authentication?)";
            case 2 -> "***Server reports a bad format request packet";
            case 3 -> "***Server reports a bad opcode in request";
            case 4 -> "***Association ID " + associationId + " unknown to server";
            case 5 -> "***A request variable unknown to the server";
            case 6 -> "***Server indicates a request variable was bad";
            case ERR_UNSPEC -> "***Server returned an unspecified error";
            default -> "***Server returns unknown error code " + code;
        };
    }

    /**
     * The request as sent: as ntpq pads it (to 4 octets), or for a signed one padded to 8 octets
     * and followed by the MAC.
     */
    static byte[] datagram(ControlRequest request, Optional<SymmetricKey> key) {
        byte[] unsigned = request.encode();
        if (key.isEmpty()) {
            return unsigned;
        }
        int padded = (unsigned.length + 7) & ~7;
        return NtpMac.append(Arrays.copyOf(unsigned, padded), padded, key.get());
    }

    /**
     * Whether a response fragment may be taken: one with no MAC, or with another key's (ntpd's key
     * ID 0 after a failed check), as ntpq takes them all; one with the request's key only when the
     * digest verifies.
     */
    static boolean macAcceptable(byte[] datagram, ControlHeader header, Optional<SymmetricKey> key) {
        int macOffset = ControlRequest.macOffset(header.count());
        if (key.isEmpty() || datagram.length - macOffset < NtpMac.KEY_ID_LENGTH) {
            return true;
        }
        if (ByteBuffer.wrap(datagram).getInt(macOffset) != key.get().keyId()) {
            return true;
        }
        byte[] digest = Arrays.copyOfRange(datagram, macOffset + NtpMac.KEY_ID_LENGTH, datagram.length);
        return NtpMac.verify(key.get(), datagram, 0, macOffset, digest);
    }

    private Outcome attempt(ControlOpcode opcode, int associationId, byte[] data, Optional<SymmetricKey> key) {
        byte[] request = datagram(ControlRequest.of(version, opcode, sequence, associationId, data), key);
        try {
            transport.send(request);
        } catch (IOException e) {
            err.println("ntpq: write to " + host + " failed: " + reason(e));
            return new Outcome.Broken();
        }
        FragmentAssembler assembler = new FragmentAssembler(sequence, opcode.code(), MAX_PAYLOAD);
        int received = 0;
        int responseAssociation = associationId;
        while (true) {
            Optional<byte[]> datagram;
            try {
                datagram = transport.receive(received == 0 ? timeout : FRAGMENT_TIMEOUT);
            } catch (PortUnreachableException e) {
                err.println("ntpq: read: Connection refused");
                return new Outcome.Broken();
            } catch (IOException e) {
                err.println("ntpq: read: " + reason(e));
                return new Outcome.Broken();
            }
            if (datagram.isEmpty()) {
                return received == 0 ? new Outcome.NothingReceived() : new Outcome.Incomplete();
            }
            if (!(ResponseFragment.parse(ByteBuffer.wrap(datagram.get())) instanceof FragmentParse.Parsed parsed)
                    || !macAcceptable(datagram.get(), parsed.fragment().header(), key)) {
                continue;
            }
            responseAssociation = parsed.fragment().header().associationId();
            switch (assembler.offer(parsed.fragment())) {
                case Assembly.Complete complete -> {
                    return new Outcome.Done(new Answer(complete.status(), responseAssociation, complete.payload()));
                }
                case Assembly.Failed failed -> {
                    return new Outcome.ServerError(failed.errorCode() == 0 ? ERR_UNSPEC : failed.errorCode());
                }
                case Assembly.Waiting w -> received++;
                case Assembly.Rejected rejected -> {
                    if (rejected.reason() == FragmentRejection.TOO_MANY_FRAGMENTS
                            || rejected.reason() == FragmentRejection.TOO_LARGE) {
                        return new Outcome.TooMuch();
                    }
                }
            }
        }
    }

    private static String reason(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    @Override
    public void close() {
        transport.close();
    }
}
