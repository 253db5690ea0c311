package org.jntp.nts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CookieCodecTest {
    private final Random random = new Random(8915);
    private final MasterKeyRing ring = MasterKeyRing.create(1_000_000, random);

    private SessionKeys randomKeys() {
        byte[] c2s = new byte[32];
        byte[] s2c = new byte[32];
        random.nextBytes(c2s);
        random.nextBytes(s2c);
        return new SessionKeys(15, c2s, s2c);
    }

    @Test
    void opensTheKeysItSealed() {
        for (int round = 0; round < 200; round++) {
            SessionKeys keys = randomKeys();

            assertThat(CookieCodec.open(CookieCodec.make(keys, ring, random), ring))
                    .isEqualTo(new CookieCodec.Opened(keys, MasterKeyRing.Age.CURRENT));
        }
    }

    @Test
    void makesCookiesOf104OctetsAMultipleOfFourAsChronyRequiresStartingWithTheKeyId() {
        byte[] cookie = CookieCodec.make(randomKeys(), ring, random);

        assertThat(cookie).hasSize(104).hasSize(CookieCodec.COOKIE_OCTETS);
        assertThat((cookie[0] & 0xff) << 24 | (cookie[1] & 0xff) << 16 | (cookie[2] & 0xff) << 8 | cookie[3] & 0xff)
                .isEqualTo(ring.current().id());
    }

    @Test
    void makesADifferentCookieEachTimeForTheSameKeys() {
        SessionKeys keys = randomKeys();

        assertThat(CookieCodec.make(keys, ring, random)).isNotEqualTo(CookieCodec.make(keys, ring, random));
    }

    @Test
    void refusesEveryOneBitChangeAfterTheKeyId() {
        byte[] cookie = CookieCodec.make(randomKeys(), ring, random);
        for (int bit = 32; bit < cookie.length * 8; bit++) {
            byte[] tampered = cookie.clone();
            tampered[bit / 8] ^= (byte) (1 << bit % 8);

            assertThat(CookieCodec.open(tampered, ring)).isEqualTo(new CookieCodec.Invalid());
        }
    }

    @Test
    void refusesCookieOfWrongLength() {
        byte[] cookie = CookieCodec.make(randomKeys(), ring, random);

        assertThat(CookieCodec.open(Arrays.copyOf(cookie, 101), ring)).isEqualTo(new CookieCodec.Invalid());
    }

    @Test
    void opensCookieOfThePreviousKeyAfterOneRotation() {
        SessionKeys keys = randomKeys();
        byte[] cookie = CookieCodec.make(keys, ring, random);

        assertThat(CookieCodec.open(cookie, ring.rotate(1_086_400, random)))
                .isEqualTo(new CookieCodec.Opened(keys, MasterKeyRing.Age.PREVIOUS));
    }

    @Test
    void refusesCookieAfterTwoRotations() {
        byte[] cookie = CookieCodec.make(randomKeys(), ring, random);
        MasterKeyRing twiceRotated = ring.rotate(1_086_400, random).rotate(1_172_800, random);

        assertThat(CookieCodec.open(cookie, twiceRotated)).isEqualTo(new CookieCodec.UnknownKey());
    }

    @Test
    void refusesCookieAfterTwoRotationsThoughItsKeyHadItsCiphersReady() {
        byte[] cookie = CookieCodec.make(randomKeys(), ring, random);
        CookieCodec.open(cookie, ring);
        MasterKeyRing twiceRotated = ring.rotate(1_086_400, random).rotate(1_172_800, random);

        assertThat(CookieCodec.open(cookie, twiceRotated)).isEqualTo(new CookieCodec.UnknownKey());
    }

    @Test
    void refusesCookieUnderAKeyWithItsIdButOtherOctets() {
        byte[] octets = new byte[32];
        random.nextBytes(octets);
        MasterKeyRing first = new MasterKeyRing(new MasterKey(7, octets), Optional.empty(), 1_000_000);
        byte[] cookie = CookieCodec.make(randomKeys(), first, random);
        CookieCodec.open(cookie, first);
        octets[31] ^= 1;
        MasterKeyRing reloaded = new MasterKeyRing(new MasterKey(7, octets), Optional.empty(), 1_000_000);

        assertThat(CookieCodec.open(cookie, reloaded)).isEqualTo(new CookieCodec.Invalid());
    }

    @Test
    void opensCookiesOfTheCurrentAndPreviousKeysInAnyOrder() {
        MasterKeyRing rotated = ring.rotate(1_086_400, random);
        List<SessionKeys> keys = new ArrayList<>();
        List<byte[]> cookies = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            keys.add(randomKeys());
            cookies.add(CookieCodec.make(keys.getLast(), i % 2 == 0 ? ring : rotated, random));
        }
        for (int round = 0; round < 200; round++) {
            int i = random.nextInt(cookies.size());

            MasterKeyRing.Age age = i % 2 == 0 ? MasterKeyRing.Age.PREVIOUS : MasterKeyRing.Age.CURRENT;
            assertThat(CookieCodec.open(cookies.get(i), rotated)).isEqualTo(new CookieCodec.Opened(keys.get(i), age));
        }
    }

    @Test
    void refusesCookieOfAnotherServersKey() {
        byte[] cookie = CookieCodec.make(randomKeys(), MasterKeyRing.create(1_000_000, new Random(1)), random);

        assertThat(CookieCodec.open(cookie, ring)).isEqualTo(new CookieCodec.UnknownKey());
    }

    @Test
    void opensAnyBytesWithoutThrowing() {
        Random garbage = new Random(5297);
        for (int round = 0; round < 5000; round++) {
            byte[] cookie = new byte[garbage.nextBoolean() ? 102 : garbage.nextInt(200)];
            garbage.nextBytes(cookie);
            if (garbage.nextBoolean() && cookie.length >= 4) {
                int id = ring.current().id();
                cookie[0] = (byte) (id >>> 24);
                cookie[1] = (byte) (id >>> 16);
                cookie[2] = (byte) (id >>> 8);
                cookie[3] = (byte) id;
            }

            assertThat(CookieCodec.open(cookie, ring)).isNotInstanceOf(CookieCodec.Opened.class);
        }
    }
}
