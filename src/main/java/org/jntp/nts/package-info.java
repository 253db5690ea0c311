/**
 * Network Time Security (RFC 8915), its pure parts: the NTS-KE record codec
 * ({@link org.jntp.nts.KeRecords}, {@link org.jntp.nts.KeRequest}, {@link org.jntp.nts.KeResponse},
 * {@link org.jntp.nts.KeNegotiation}), the AEAD AES-SIV-CMAC-256 ({@link org.jntp.nts.Aead}), the
 * cookies sealed under rotating master keys ({@link org.jntp.nts.CookieCodec},
 * {@link org.jntp.nts.MasterKeyRing}, {@link org.jntp.nts.MasterKeysFile}), and NTS inside NTP
 * packets (§5): the extension fields ({@link org.jntp.nts.NtsFields}, {@link org.jntp.nts.NtsFieldScan}),
 * the server's side ({@link org.jntp.nts.NtsServerExchange}) and the client's
 * ({@link org.jntp.nts.NtsClientExchange}, {@link org.jntp.nts.CookieJar}). No I/O and no clock
 * reads: time and randomness are arguments.
 */
package org.jntp.nts;
