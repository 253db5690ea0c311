package org.jntp.protocol;

import java.util.Objects;
import java.util.Set;

/**
 * A kiss code (RFC 5905 §7.4): the reference identifier of a stratum-0 packet read as up to four
 * characters. Codes nobody defined are carried as they arrived, not treated as errors.
 *
 * @param code up to four characters, each one octet (ISO 8859-1), trailing NULs removed
 */
public record KissCode(String code) {
    /** The association belongs to a unicast server. */
    public static final KissCode ACST = new KissCode("ACST");
    /** Server authentication failed. */
    public static final KissCode AUTH = new KissCode("AUTH");
    /** Autokey sequence failed. */
    public static final KissCode AUTO = new KissCode("AUTO");
    /** The association belongs to a broadcast server. */
    public static final KissCode BCST = new KissCode("BCST");
    /** Cryptographic authentication or identification failed. */
    public static final KissCode CRYP = new KissCode("CRYP");
    /** Access denied by the remote server; the client must stop. */
    public static final KissCode DENY = new KissCode("DENY");
    /** Lost peer in symmetric mode. */
    public static final KissCode DROP = new KissCode("DROP");
    /** Access denied by local policy; the client must stop. */
    public static final KissCode RSTR = new KissCode("RSTR");
    /** The association has not synchronized yet. */
    public static final KissCode INIT = new KissCode("INIT");
    /** The association belongs to a dynamically discovered server. */
    public static final KissCode MCST = new KissCode("MCST");
    /** No key found: never installed or not trusted. */
    public static final KissCode NKEY = new KissCode("NKEY");
    /** Rate exceeded; the client must poll less often. */
    public static final KissCode RATE = new KissCode("RATE");
    /** Association altered by a remote host running ntpdc. */
    public static final KissCode RMOT = new KissCode("RMOT");
    /** A step change in system time happened; the association has not resynchronized yet. */
    public static final KissCode STEP = new KissCode("STEP");
    /** NTS negative acknowledgement: the server could not use the cookie (RFC 8915 §5.7). */
    public static final KissCode NTSN = new KissCode("NTSN");

    // The codes' text, not the records: hashing a record first links its generated hashCode, method
    // handles spun for 0.25 s of the daemon's start under the kernel test bed's emulation.
    private static final Set<String> KNOWN = Set.of(ACST.code, AUTH.code, AUTO.code, BCST.code, CRYP.code,
            DENY.code, DROP.code, RSTR.code, INIT.code, MCST.code, NKEY.code, RATE.code, RMOT.code, STEP.code,
            NTSN.code);

    /** Checks the code fits in a reference identifier. */
    public KissCode {
        Objects.requireNonNull(code, "code");
        if (code.length() > 4 || !code.chars().allMatch(c -> c <= 0xFF) || code.endsWith("\0")) {
            throw new IllegalArgumentException("not a kiss code: " + code);
        }
    }

    /** True for the codes RFC 5905 Figure 13 and RFC 8915 define. */
    public boolean isKnown() {
        return KNOWN.contains(code);
    }

    /** True for DENY and RSTR, after which a client must stop polling the server (RFC 5905 §7.4). */
    public boolean demandsStop() {
        return equals(DENY) || equals(RSTR);
    }

    /** True for RATE, after which a client must lower its polling rate (RFC 5905 §7.4). */
    public boolean demandsSlowerPolling() {
        return equals(RATE);
    }

    /** The reference identifier that carries this code. */
    public ReferenceId referenceId() {
        return new ReferenceId(ReferenceId.packChars(code));
    }

    @Override
    public String toString() {
        return code;
    }
}
