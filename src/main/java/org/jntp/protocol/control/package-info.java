/**
 * The mode 6 control protocol that ntpq, ntpstat and monitoring tools speak, as pure codecs with
 * no I/O: the 12-octet header and its opcodes and error codes, requests parsed as ntpd 4.2.8
 * accepts them, responses split into fragments of at most 468 data octets and reassembled by
 * offset, the system and peer status words of ntpd's {@code decode.html}, and variable lists
 * ({@code name=value, ...}) written as ntpd writes them.
 *
 * <p>Sources: NTPsec's {@code docs/mode6.adoc}, ntp.org's {@code decode.html}, ntpd 4.2.8's
 * {@code ntp_control.c} and {@code libntp/statestr.c}; test vectors captured from NTPsec 1.2.2 by
 * {@code scripts/capture-mode6-vectors.sh}.
 */
package org.jntp.protocol.control;
