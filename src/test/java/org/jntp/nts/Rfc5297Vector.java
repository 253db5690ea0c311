package org.jntp.nts;

import java.util.HexFormat;

/** RFC 5297's test vector A.2 (nonce-based AES-SIV with two associated data), shared by the AEAD tests. */
final class Rfc5297Vector {
    static final byte[] KEY_A2 = hex("7f7e7d7c 7b7a7978 77767574 73727170 40414243 44454647 48494a4b 4c4d4e4f");
    static final byte[] AD1_A2 = hex("00112233 44556677 8899aabb ccddeeff deaddada deaddada ffeeddcc bbaa9988"
            + " 77665544 33221100");
    static final byte[] AD2_A2 = hex("10203040 50607080 90a0");
    static final byte[] NONCE_A2 = hex("09f91102 9d74e35b d84156c5 635688c0");
    static final byte[] PLAINTEXT_A2 = hex("74686973 20697320 736f6d65 20706c61 696e7465 78742074 6f20656e"
            + " 63727970 74207573 696e6720 5349562d 414553");
    static final byte[] CIPHERTEXT_A2 = hex("7bdb6e3b 432667eb 06f4d14b ff2fbd0f cb900f2f ddbe4043 26601965"
            + " c889bf17 dba77ceb 094fa663 b7a3f748 ba8af829 ea64ad54 4a272e9c 485b62a3 fd5c0d");

    private Rfc5297Vector() {}

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }
}
