package org.jntp.source;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.jntp.nts.CookieJar;
import org.jntp.nts.NtsClientExchange;
import org.jntp.nts.SessionKeys;
import org.jntp.protocol.NtpHeader;

/**
 * The NTS state of one client association (RFC 8915 §5.7): the session keys NTS-KE gave, the jar
 * of cookies, and the Unique Identifier of the request outstanding. Each request spends a cookie
 * and asks with placeholders for as many as refill the jar; a reply counts only when its
 * Authenticator verifies, and its cookies go to the jar. An NTS NAK, or a jar found empty, loses
 * the keys: the daemon runs NTS-KE again ({@link #startKeyExchange}) and hands the new keys back.
 * No I/O; not thread-safe.
 */
public final class NtsSession {
    /** What the NTS fields of a datagram from the server show. */
    public enum Check {
        /** Its Authenticator verifies under our S2C key and it echoes the outstanding request's identifier. */
        AUTHENTIC,
        /** An NTS NAK to the outstanding request: the server no longer opens our cookies, the keys are lost. */
        NAK,
        /** Anything else: a forgery, a stray, a reply to an earlier request. */
        UNAUTHENTIC
    }

    private final CookieJar jar = new CookieJar();
    private Optional<SessionKeys> keys = Optional.empty();
    private byte[] outstandingUniqueId;
    private boolean keyExchangeUnderWay;

    /** Takes the keys and cookies of an NTS-KE exchange, in place of any left. */
    public void established(SessionKeys sessionKeys, List<byte[]> cookies) {
        keys = Optional.of(sessionKeys);
        jar.clear();
        cookies.forEach(jar::add);
        outstandingUniqueId = null;
        keyExchangeUnderWay = false;
    }

    /** Whether the association has keys and a cookie to poll with. */
    public boolean hasKeys() {
        return keys.isPresent();
    }

    /** How many cookies are left. */
    public int cookies() {
        return jar.size();
    }

    /**
     * Whether NTS-KE should run now: there are no keys and no exchange is under way. A true answer
     * counts as the exchange starting, so each loss of the keys asks for one exchange.
     */
    public boolean startKeyExchange() {
        if (keys.isPresent() || keyExchangeUnderWay) {
            return false;
        }
        keyExchangeUnderWay = true;
        return true;
    }

    /**
     * The request to send: the 48-octet time header {@code header} with a fresh Unique Identifier,
     * the oldest cookie, placeholders to refill the jar, and the Authenticator. Empty without keys,
     * or when the jar is empty, which loses the keys.
     */
    public Optional<byte[]> seal(byte[] header, RandomGenerator random) {
        outstandingUniqueId = null;
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        Optional<byte[]> cookie = jar.take();
        if (cookie.isEmpty()) {
            keys = Optional.empty();
            return Optional.empty();
        }
        int placeholders = jar.placeholdersWanted();
        ByteBuffer packet = ByteBuffer.allocate(NtsClientExchange.requestLength(cookie.get().length, placeholders));
        packet.put(0, header, 0, NtpHeader.LENGTH);
        outstandingUniqueId = NtsClientExchange.writeRequest(packet, cookie.get(), placeholders, keys.get(), random);
        byte[] datagram = new byte[packet.limit()];
        packet.get(0, datagram);
        return Optional.of(datagram);
    }

    /** Checks the NTS fields of the first {@code length} octets of {@code datagram}; any octets give a result. */
    public Check check(byte[] datagram, int length) {
        if (keys.isEmpty() || outstandingUniqueId == null) {
            return Check.UNAUTHENTIC;
        }
        return switch (NtsClientExchange.checkReply(ByteBuffer.wrap(datagram, 0, length), outstandingUniqueId,
                keys.get())) {
            case NtsClientExchange.Authentic authentic -> {
                authentic.newCookies().forEach(jar::add);
                outstandingUniqueId = null;
                yield Check.AUTHENTIC;
            }
            case NtsClientExchange.NtsNak _ -> {
                keys = Optional.empty();
                jar.clear();
                outstandingUniqueId = null;
                yield Check.NAK;
            }
            case NtsClientExchange.Unauthentic _ -> Check.UNAUTHENTIC;
        };
    }
}
