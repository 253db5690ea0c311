package org.jntp.nts;

import java.util.ArrayDeque;
import java.util.Optional;

/**
 * An NTS client's cookies for one server (RFC 8915 §5.7): each is used once, the oldest first;
 * at most {@link #CAPACITY}, as NTS-KE hands out, a cookie beyond that pushing out the oldest.
 * Emptied when the server answers with an NTS NAK or the keys change, and refilled by NTS-KE.
 * Not thread-safe: one association's state.
 */
public final class CookieJar {
    /** The most cookies a jar keeps: the eight an NTS-KE server gives. */
    public static final int CAPACITY = 8;

    private final ArrayDeque<byte[]> cookies = new ArrayDeque<>(CAPACITY);

    /** Keeps a cookie (a copy); when the jar is full, the oldest is dropped to make room. */
    public void add(byte[] cookie) {
        if (cookies.size() == CAPACITY) {
            cookies.removeFirst();
        }
        cookies.addLast(cookie.clone());
    }

    /** The oldest cookie, taken out of the jar so that it is never sent twice; empty when there is none. */
    public Optional<byte[]> take() {
        return Optional.ofNullable(cookies.pollFirst());
    }

    /** How many cookies the jar holds. */
    public int size() {
        return cookies.size();
    }

    /**
     * How many Cookie Placeholders the next request should carry, to be called after {@link #take}:
     * enough that the reply's cookies, one plus one per placeholder, fill the jar again.
     */
    public int placeholdersWanted() {
        return Math.max(0, CAPACITY - cookies.size() - 1);
    }

    /** Drops every cookie: after an NTS NAK, or before new ones from NTS-KE. */
    public void clear() {
        cookies.clear();
    }
}
