package org.jntp.protocol.control;

import java.util.Optional;

/** The 5-bit operation code of a control message, with ntpd's names ({@code CTL_OP_*}). */
public enum ControlOpcode {
    /** 0: no operation; ntpd answers with the status word only. */
    UNSPEC(0),
    /** 1: the association list (binary pairs of association ID and peer status word). */
    READSTAT(1),
    /** 2: system (association 0) or peer variables. */
    READVAR(2),
    /** 3: write variables; needs authentication. */
    WRITEVAR(3),
    /** 4: reference clock variables of an association. */
    READCLOCK(4),
    /** 5: write reference clock variables; needs authentication. */
    WRITECLOCK(5),
    /** 6: set a trap (obsolete). */
    SETTRAP(6),
    /** 7: asynchronous message, sent by the server to trap holders only, never requested. */
    ASYNCMSG(7),
    /** 8: runtime configuration in ntp.conf syntax; needs authentication. */
    CONFIGURE(8),
    /** 9: save the configuration to a file; needs authentication. */
    SAVECONFIG(9),
    /** 10: the MRU list ({@code ntpq mrulist}); needs a nonce. */
    READ_MRU(10),
    /** 11: ordered lists: {@code ifstats} and {@code addr_restrictions}; needs authentication. */
    READ_ORDLIST_A(11),
    /** 12: a nonce for {@link #READ_MRU}. */
    REQ_NONCE(12),
    /** 31: clear a trap (obsolete). */
    UNSETTRAP(31);

    private static final ControlOpcode[] BY_CODE = new ControlOpcode[32];

    static {
        for (ControlOpcode opcode : values()) {
            BY_CODE[opcode.code] = opcode;
        }
    }

    private final int code;

    ControlOpcode(int code) {
        this.code = code;
    }

    /** The wire value, 0 to 31. */
    public int code() {
        return code;
    }

    /** The opcode of a wire value; empty for values no opcode has (13 to 30) or outside 0 to 31. */
    public static Optional<ControlOpcode> of(int code) {
        return code < 0 || code >= BY_CODE.length ? Optional.empty() : Optional.ofNullable(BY_CODE[code]);
    }

    /**
     * The opcode a client may request, as ntpd's dispatch table has them: every opcode but
     * {@link #ASYNCMSG}. Anything else ntpd answers with {@link ControlError#BADOP}.
     */
    public static Optional<ControlOpcode> ofRequest(int code) {
        return of(code).filter(opcode -> opcode != ASYNCMSG);
    }
}
