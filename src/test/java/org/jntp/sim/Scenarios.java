package org.jntp.sim;

/** Short scenarios for the tests, built from the presets. */
final class Scenarios {

    private Scenarios() {}

    /** The preset run for {@code seconds} with seeds {@code first} to {@code last}. */
    static Scenario shortRun(Preset preset, long seconds, long first, long last) {
        Scenario s = preset.scenario();
        return new Scenario(s.servers(), s.falsetickers(), s.falsetickerOffsetSeconds(), s.upDelay(), s.downDelay(),
                s.lossProbability(), s.offsetSeconds(), s.freqPpm(), s.wanderPerSqrtSecond(), s.minpoll(), s.maxpoll(),
                s.warm(), seconds, new Seeds(first, last));
    }

    /** A one-server run with the given clock, no wander, lan delays. */
    static Scenario clock(double offsetSeconds, double freqPpm, long seconds) {
        return new Scenario(1, 0, 0.5, Delay.LAN, Delay.LAN, 0, offsetSeconds, freqPpm, 0, 6, 10, false, seconds,
                new Seeds(1, 1));
    }

    /** One server that is a falseticker {@code falsetickerOffsetSeconds} ahead. */
    static Scenario lyingServer(double falsetickerOffsetSeconds, long seconds) {
        return new Scenario(1, 1, falsetickerOffsetSeconds, Delay.LAN, Delay.LAN, 0, 0.1, 0, 0, 6, 10, false, seconds,
                new Seeds(1, 1));
    }
}
