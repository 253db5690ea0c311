/**
 * Symmetric key authentication as ntpd 4.2.8 does it, as pure code: the keys file
 * ({@link org.jntp.auth.KeysFile}, text in, keys out, no I/O), the keys and which are trusted
 * ({@link org.jntp.auth.KeyRing}), and the message authentication codes
 * ({@link org.jntp.auth.NtpMac}): a digest of key then message for MD5, SHA1 and SHA256, and
 * AES-128-CMAC ({@link org.jntp.auth.AesCmac}), all cut to 20 octets at most.
 */
package org.jntp.auth;
