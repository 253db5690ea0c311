package org.jntp.ntpq;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jntp.protocol.control.FragmentParse;
import org.jntp.protocol.control.ResponseFragment;
import org.jntp.protocol.control.Vectors;

/** The NTPsec exchanges scripts/capture-mode6-vectors.sh captured (src/test/resources/org/jntp/protocol/control). */
final class Captured {
    /** 0xeeb2acdc, the rec of the captured peer, 2026-11-26T13:04:28Z, in Unix seconds. */
    static final long PEER_REC_UNIX_SECONDS = 0xeeb2acdcL - 2_208_988_800L;

    private Captured() {}

    static byte[] datagram(String name) {
        return Vectors.bytes(name);
    }

    /** The data of one captured reply datagram. */
    static byte[] data(String name) {
        return ((FragmentParse.Parsed) ResponseFragment.parse(ByteBuffer.wrap(datagram(name)))).fragment().data();
    }

    /** The data of the two fragments of NTPsec's answer to READVAR of its association 17767. */
    static byte[] peerVariables() {
        byte[] first = data("ntpq-rv-assoc.reply2");
        byte[] second = data("ntpq-rv-assoc.reply3");
        byte[] all = new byte[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    /** Numeric, narrow, in UTC, at the given Unix second. */
    static Display numericAt(long unixSeconds) {
        return new Display(false, false, address -> "name.example", () -> ZoneOffset.UTC, Instant.ofEpochSecond(unixSeconds));
    }
}
