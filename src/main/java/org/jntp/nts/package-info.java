/**
 * Network Time Security (RFC 8915), the server side's pure parts: the NTS-KE record codec
 * ({@link org.jntp.nts.KeRecords}, {@link org.jntp.nts.KeRequest}, {@link org.jntp.nts.KeResponse},
 * {@link org.jntp.nts.KeNegotiation}), the AEAD AES-SIV-CMAC-256 ({@link org.jntp.nts.Aead}), and the
 * cookies sealed under rotating master keys ({@link org.jntp.nts.CookieCodec},
 * {@link org.jntp.nts.MasterKeyRing}, {@link org.jntp.nts.MasterKeysFile}). No I/O and no clock
 * reads: time and randomness are arguments.
 */
package org.jntp.nts;
