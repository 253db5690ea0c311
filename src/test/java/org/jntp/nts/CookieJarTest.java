package org.jntp.nts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CookieJarTest {
    private final CookieJar jar = new CookieJar();

    private static byte[] cookie(int n) {
        return new byte[] {(byte) n, 0, 0, 0};
    }

    @Test
    void givesCookiesOldestFirst() {
        jar.add(cookie(1));
        jar.add(cookie(2));

        assertThat(jar.take()).contains(cookie(1));
        assertThat(jar.take()).contains(cookie(2));
    }

    @Test
    void givesEachCookieOnce() {
        jar.add(cookie(1));

        assertThat(jar.take()).contains(cookie(1));
        assertThat(jar.take()).isEmpty();
    }

    @Test
    void dropsTheOldestCookieWhenFull() {
        for (int n = 0; n <= CookieJar.CAPACITY; n++) {
            jar.add(cookie(n));
        }

        assertThat(jar.size()).isEqualTo(CookieJar.CAPACITY);
        assertThat(jar.take()).contains(cookie(1));
    }

    @Test
    void keepsItsOwnCopy() {
        byte[] cookie = cookie(1);
        jar.add(cookie);
        cookie[0] = 9;

        assertThat(jar.take()).contains(cookie(1));
    }

    @Test
    void asksForPlaceholdersThatFillTheJarAgain() {
        for (int n = 0; n < 3; n++) {
            jar.add(cookie(n));
        }
        jar.take();

        assertThat(jar.placeholdersWanted()).isEqualTo(CookieJar.CAPACITY - 3);
    }

    @Test
    void asksForNoPlaceholderWhenOneCookieRefillsIt() {
        for (int n = 0; n < CookieJar.CAPACITY; n++) {
            jar.add(cookie(n));
        }
        jar.take();

        assertThat(jar.placeholdersWanted()).isZero();
    }

    @Test
    void isEmptyAfterClear() {
        jar.add(cookie(1));

        jar.clear();

        assertThat(jar.size()).isZero();
        assertThat(jar.take()).isEmpty();
    }
}
