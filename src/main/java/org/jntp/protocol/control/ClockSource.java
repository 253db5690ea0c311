package org.jntp.protocol.control;

import java.util.Optional;

/** The synchronization source in the system status word ({@code decode.html}, {@code CTL_SST_TS_*}). */
public enum ClockSource {
    /** 0: not yet synchronized. */
    UNSPEC(0, "sync_unspec"),
    /** 1: pulse-per-second signal. */
    PPS(1, "sync_pps"),
    /** 2: VLF/LF radio. */
    LF_RADIO(2, "sync_lf_radio"),
    /** 3: MF/HF radio. */
    HF_RADIO(3, "sync_hf_radio"),
    /** 4: VHF/UHF radio or satellite. */
    UHF_RADIO(4, "sync_uhf_radio"),
    /** 5: local timecode (IRIG, the local clock driver). */
    LOCAL(5, "sync_local"),
    /** 6: an NTP server. */
    NTP(6, "sync_ntp"),
    /** 7: other (IEEE 1588, ...). */
    OTHER(7, "sync_other"),
    /** 8: eyeball and wristwatch. */
    WRISTWATCH(8, "sync_wristwatch"),
    /** 9: telephone modem. */
    TELEPHONE(9, "sync_telephone");

    private static final ClockSource[] BY_CODE = values();

    private final int code;
    private final String message;

    ClockSource(int code, String message) {
        this.code = code;
        this.message = message;
    }

    /** The wire value, 0 to 9 of the field's 0 to 63. */
    public int code() {
        return code;
    }

    /** The name ntpq shows, e.g. {@code sync_ntp}. */
    public String message() {
        return message;
    }

    /** The source of a wire value; empty for codes {@code decode.html} does not define. */
    public static Optional<ClockSource> of(int code) {
        return code < 0 || code >= BY_CODE.length ? Optional.empty() : Optional.of(BY_CODE[code]);
    }
}
