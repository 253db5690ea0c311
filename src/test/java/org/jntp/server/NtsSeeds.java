package org.jntp.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.jntp.nts.CookieCodec;
import org.jntp.nts.KeNegotiation;
import org.jntp.nts.MasterKeyRing;
import org.jntp.nts.NtsClientExchange;
import org.jntp.nts.SessionKeys;
import org.jntp.protocol.NtpHeader;
import org.jntp.protocol.NtpTimestamp;

/**
 * The master keys of {@link NtsRequestFuzzTest}, and the program that writes its seeds: run its
 * {@code main} with the seed directory as argument after changing how NTS requests look.
 */
final class NtsSeeds {
    static final long SEED = 8915;

    private NtsSeeds() {}

    /** The fuzz target's master keys: the first draw from a {@link Random} of {@link #SEED}. */
    static MasterKeyRing ring(Random random) {
        return MasterKeyRing.create(0, random);
    }

    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args[0]);
        Files.createDirectories(directory);
        Random random = new Random(SEED);
        MasterKeyRing ring = ring(random);
        byte[] c2s = new byte[32];
        byte[] s2c = new byte[32];
        random.nextBytes(c2s);
        random.nextBytes(s2c);
        SessionKeys keys = new SessionKeys(KeNegotiation.AES_SIV_CMAC_256, c2s, s2c);
        write(directory.resolve("nts-request"), request(CookieCodec.make(keys, ring, random), 0, keys, random));
        write(directory.resolve("nts-request-3-placeholders"),
                request(CookieCodec.make(keys, ring, random), 3, keys, random));
        write(directory.resolve("nts-request-unknown-master-key"),
                request(CookieCodec.make(keys, MasterKeyRing.create(0, new Random(1)), random), 0, keys, random));
        byte[] forged = request(CookieCodec.make(keys, ring, random), 0, keys, random);
        forged[NtpHeader.LENGTH - 1] ^= 1;
        write(directory.resolve("nts-request-forged"), forged);
    }

    private static byte[] request(byte[] cookie, int placeholders, SessionKeys keys, Random random) {
        ByteBuffer packet = ByteBuffer.allocate(1280);
        NtpHeader.clientRequest(NtpHeader.VERSION, NtpTimestamp.ofUnixNanos(1_795_681_550_000_000_000L)).encode(packet);
        NtsClientExchange.writeRequest(packet.flip(), cookie, placeholders, keys, random);
        return Arrays.copyOf(packet.array(), packet.limit());
    }

    private static void write(Path file, byte[] datagram) throws IOException {
        Files.write(file, datagram);
    }
}
