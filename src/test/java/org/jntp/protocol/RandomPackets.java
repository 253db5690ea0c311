package org.jntp.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** Seeded generators of valid headers and packets for property tests. */
final class RandomPackets {
    private static final Mode[] TIME_MODES = {
        Mode.RESERVED, Mode.SYMMETRIC_ACTIVE, Mode.SYMMETRIC_PASSIVE, Mode.CLIENT, Mode.SERVER, Mode.BROADCAST
    };
    private static final int[] V4_DIGEST_LENGTHS = {0, 16, 20};

    private final Random random;

    RandomPackets(long seed) {
        random = new Random(seed);
    }

    NtpHeader header(int version, Mode mode) {
        return new NtpHeader(LeapIndicator.of(random.nextInt(4)), version, mode, random.nextInt(256),
                random.nextInt(256) - 128, random.nextInt(256) - 128,
                new NtpShort(random.nextInt()), new NtpShort(random.nextInt()), new ReferenceId(random.nextInt()),
                new NtpTimestamp(random.nextLong()), new NtpTimestamp(random.nextLong()),
                new NtpTimestamp(random.nextLong()), new NtpTimestamp(random.nextLong()));
    }

    NtpHeader anyHeader() {
        return header(random.nextInt(8), Mode.of(random.nextInt(8)));
    }

    NtpPacket packet() {
        int version = 1 + random.nextInt(4);
        NtpHeader header = header(version, TIME_MODES[random.nextInt(TIME_MODES.length)]);
        if (version < 4) {
            Optional<Mac> mac = random.nextBoolean() ? Optional.empty() : Optional.of(mac(4 * random.nextInt(17)));
            return new NtpPacket(header, List.of(), mac);
        }
        Optional<Mac> mac = switch (random.nextInt(3)) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(new Mac(random.nextInt(), new byte[0]));
            default -> Optional.of(mac(V4_DIGEST_LENGTHS[1 + random.nextInt(2)]));
        };
        List<ExtensionField> fields = new ArrayList<>();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            fields.add(extensionField(i == count - 1 ? 28 - mac.map(Mac::length).orElse(0) : 16));
        }
        return new NtpPacket(header, fields, mac);
    }

    private ExtensionField extensionField(int minLength) {
        int length = Math.max(16, minLength) + 4 * random.nextInt(20);
        byte[] value = new byte[length - 4];
        random.nextBytes(value);
        return new ExtensionField(random.nextInt(0x10000), value);
    }

    private Mac mac(int digestLength) {
        byte[] digest = new byte[digestLength];
        random.nextBytes(digest);
        return new Mac(random.nextInt(), digest);
    }
}
