package org.jntp.sim;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The scenarios of SCENARIOS.md's table, under the names used there. */
public enum Preset {
    LAN_1("lan-1", 1, 0, Delay.LAN, 10, false),
    WAN_1("wan-1", 1, 0, Delay.WAN, 10, false),
    LAN_3("lan-3", 3, 0, Delay.LAN, 10, false),
    LAN_3F("lan-3f", 3, 1, Delay.LAN, 10, false),
    WAN_3F("wan-3f", 3, 1, Delay.WAN, 10, false),
    LAN_1_P6("lan-1-p6", 1, 0, Delay.LAN, 6, false),
    WAN_1_P6("wan-1-p6", 1, 0, Delay.WAN, 6, false),
    LAN_1_WARM("lan-1-warm", 1, 0, Delay.LAN, 10, true);

    /** SCENARIOS.md's defaults for what the table does not vary. */
    static final double FALSETICKER_OFFSET_SECONDS = 0.5;
    static final double OFFSET_SECONDS = 0.1;
    static final double FREQ_PPM = 100;
    static final double WANDER_PER_SQRT_SECOND = 1e-9;
    static final int MINPOLL = 6;
    static final long SECONDS = 20_000;
    static final Seeds SEEDS = new Seeds(1, 10);

    private final String presetName;
    private final int servers;
    private final int falsetickers;
    private final Delay delay;
    private final int maxpoll;
    private final boolean warm;

    Preset(String presetName, int servers, int falsetickers, Delay delay, int maxpoll, boolean warm) {
        this.presetName = presetName;
        this.servers = servers;
        this.falsetickers = falsetickers;
        this.delay = delay;
        this.maxpoll = maxpoll;
        this.warm = warm;
    }

    /** The name on the command line and in SCENARIOS.md, e.g. {@code lan-3f}. */
    public String presetName() {
        return presetName;
    }

    /** The full model of this preset. */
    public Scenario scenario() {
        return new Scenario(servers, falsetickers, FALSETICKER_OFFSET_SECONDS, delay, delay, 0, OFFSET_SECONDS,
                FREQ_PPM, WANDER_PER_SQRT_SECOND, MINPOLL, maxpoll, warm, SECONDS, SEEDS);
    }

    /** The preset of that name. */
    public static Optional<Preset> named(String name) {
        return Arrays.stream(values()).filter(p -> p.presetName.equals(name)).findFirst();
    }

    /** The names, comma separated, for messages. */
    public static String names() {
        return Arrays.stream(values()).map(Preset::presetName).collect(Collectors.joining(", "));
    }
}
