package org.jntp.sim;

/**
 * Every parameter of the model of SCENARIOS.md, for one simulation (all its seeds).
 *
 * @param servers                   servers configured, good ones and falsetickers, 1 to {@link #MAX_SERVERS}
 * @param falsetickers              how many of them (the last ones) are falsetickers
 * @param falsetickerOffsetSeconds  how far a falseticker's clock is ahead of true time
 * @param upDelay                   delay of client-to-server packets
 * @param downDelay                 delay of server-to-client packets
 * @param lossProbability           chance that a packet is lost, each packet and direction, in [0, 1)
 * @param offsetSeconds             the client clock's offset at the start: it reads true time plus this
 * @param freqPpm                   the oscillator error F is drawn uniformly from ±this, per seed
 * @param wanderPerSqrtSecond       random-walk step of the oscillator error each second, as a fraction
 *                                  (1e-9 is 0.001 ppm)
 * @param minpoll                   the client's {@code minpoll}, log2 seconds
 * @param maxpoll                   the client's {@code maxpoll}, log2 seconds
 * @param warm                      the client starts with a drift file holding the true F
 * @param seconds                   simulated seconds per run
 * @param seeds                     the runs
 */
public record Scenario(int servers, int falsetickers, double falsetickerOffsetSeconds, Delay upDelay,
        Delay downDelay, double lossProbability, double offsetSeconds, double freqPpm, double wanderPerSqrtSecond,
        int minpoll, int maxpoll, boolean warm, long seconds, Seeds seeds) {

    /** Servers get 192.0.2.1 up to 192.0.2.254. */
    public static final int MAX_SERVERS = 254;
    /** Smallest poll exponent ntp.conf accepts. */
    public static final int MIN_POLL_LIMIT = 3;
    /** Largest poll exponent ntp.conf accepts. */
    public static final int MAX_POLL_LIMIT = 17;
    /** Where SCENARIOS.md starts the accuracy window, and where a 20 000 s run of it ends. */
    static final long WINDOW_START_SECONDS = 5_000;
    /** Offset difference within which the client counts as following a falseticker. */
    static final double FOLLOW_TOLERANCE_SECONDS = 0.1;

    public Scenario {
        require(servers >= 1 && servers <= MAX_SERVERS, "servers must be 1 to " + MAX_SERVERS);
        require(falsetickers >= 0 && falsetickers <= servers, "falsetickers must be 0 to the number of servers");
        require(Double.isFinite(falsetickerOffsetSeconds), "the falseticker offset must be finite");
        require(lossProbability >= 0 && lossProbability < 1, "loss must be in [0, 1)");
        require(Double.isFinite(offsetSeconds), "the offset must be finite");
        require(freqPpm >= 0 && Double.isFinite(freqPpm), "freq must be finite and not negative");
        require(wanderPerSqrtSecond >= 0 && Double.isFinite(wanderPerSqrtSecond),
                "wander must be finite and not negative");
        require(minpoll >= MIN_POLL_LIMIT && maxpoll <= MAX_POLL_LIMIT && minpoll <= maxpoll,
                "polls must satisfy " + MIN_POLL_LIMIT + " <= minpoll <= maxpoll <= " + MAX_POLL_LIMIT);
        require(seconds >= 1, "seconds must be at least 1");
    }

    private static void require(boolean holds, String message) {
        if (!holds) {
            throw new IllegalArgumentException(message);
        }
    }

    /** True for server {@code index} (0-based) when it is a falseticker: the last ones are. */
    public boolean isFalseticker(int index) {
        return index >= servers - falsetickers;
    }

    /**
     * First second of the accuracy window: SCENARIOS.md's 5 000 s, or a quarter of the run when
     * the run is shorter than 20 000 s, so a short run keeps the same proportion of settling time.
     * The window ends with the run.
     */
    public long windowStartSeconds() {
        return Math.min(WINDOW_START_SECONDS, seconds / 4);
    }

    /**
     * How close to a falseticker's offset the client must come to count as following it:
     * 0.1 s, or half the falseticker's offset when that is smaller, so that true time never counts.
     */
    public double followToleranceSeconds() {
        return Math.min(FOLLOW_TOLERANCE_SECONDS, Math.abs(falsetickerOffsetSeconds) / 2);
    }

    /** The client's configuration: one {@code server} line per server, as SCENARIOS.md gives it. */
    public String ntpConf() {
        StringBuilder conf = new StringBuilder();
        for (int i = 0; i < servers; i++) {
            conf.append("server ").append(serverHost(i)).append(" iburst minpoll ").append(minpoll)
                    .append(" maxpoll ").append(maxpoll).append('\n');
        }
        return conf.toString();
    }

    /** The address of server {@code index} (0-based): 192.0.2.(index + 1). */
    static String serverHost(int index) {
        return "192.0.2." + (index + 1);
    }
}
