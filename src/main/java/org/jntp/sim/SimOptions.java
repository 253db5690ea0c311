package org.jntp.sim;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line of {@code ntpsim}: a preset of SCENARIOS.md, then flags that change any
 * parameter of its model. Flags take their value as the next word or after {@code =}.
 *
 * @param presetName the preset the scenario started from
 * @param scenario   the preset with the flags applied
 */
public record SimOptions(String presetName, Scenario scenario) {

    /** Longest run accepted, so that nanosecond times never overflow. */
    static final long MAX_SECONDS = 100_000_000;
    /** Most seeds in one simulation. */
    static final long MAX_SEEDS = 1_000_000;

    /** The usage text of {@code --help}. */
    public static final String USAGE = """
            usage: ntpsim PRESET [flags]
            presets: %s
              --servers N               servers, falsetickers included (1-%d)
              --falsetickers N          how many of the servers (the last ones) are falsetickers
              --falseticker-offset S    a falseticker's clock offset, seconds (0.5)
              --delay BASE,JITTER       one-way delay base + jitter x Exp(1), seconds, both directions
              --delay-up BASE,JITTER    the same, client to server only
              --delay-down BASE,JITTER  the same, server to client only
              --loss P                  probability that a packet is lost, each direction, in [0, 1)
              --offset S                the client clock's initial offset, seconds; it reads true time + S (0.1)
              --freq PPM                the oscillator error F is uniform in +-PPM per seed (100)
              --wander W                random-walk step of the frequency each second, fractional (1e-9)
              --minpoll N, --maxpoll N  the client's poll limits, log2 seconds (6, 10)
              --warm, --cold            start with or without a drift file holding the true F
              --seconds N               simulated seconds per seed (20000)
              --seeds A-B               the seeds to run (1-10), one run each
            Prints a line per seed, then the summary. The offset is the clock's reading minus true time,
            sampled every second from 0 to the end; the accuracy window (rms, max) runs from 5000 s to the
            end, or over the last three quarters of a run shorter than 20000 s. followed_falseticker: once
            marked synchronised, the clock came within 0.1 s (or half the falseticker's offset, if smaller)
            of a falseticker's offset. unsync_s: seconds unsynchronised after the first synchronised one.
            """.formatted(Preset.names(), Scenario.MAX_SERVERS);

    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d{1,3})?");
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,15}");
    private static final Pattern SEED_RANGE = Pattern.compile("(\\d{1,15})(?:-(\\d{1,15}))?");

    /** What the command line asks for. */
    public sealed interface Parse {
        /** A simulation to run. */
        record Ok(SimOptions options) implements Parse {}

        /** {@code --help}: print {@link #USAGE}. */
        record Help() implements Parse {}

        /** A command line that cannot run, with a one-line reason. */
        record Error(String message) implements Parse {}
    }

    /** Parses {@code ntpsim}'s arguments. */
    public static Parse parse(List<String> args) {
        if (args.contains("--help") || args.contains("-h")) {
            return new Parse.Help();
        }
        if (args.isEmpty()) {
            return new Parse.Error("a preset is needed: " + Preset.names());
        }
        Optional<Preset> preset = Preset.named(args.getFirst());
        if (preset.isEmpty()) {
            return new Parse.Error("unknown preset '" + args.getFirst() + "'; presets: " + Preset.names());
        }
        Draft draft = new Draft(preset.get().scenario());
        for (int i = 1; i < args.size(); i++) {
            String word = args.get(i);
            int equals = word.indexOf('=');
            String flag = equals < 0 ? word : word.substring(0, equals);
            Optional<String> error;
            if (flag.equals("--warm") || flag.equals("--cold")) {
                error = equals < 0 ? Optional.empty() : Optional.of(flag + " takes no value");
                draft.warm = flag.equals("--warm");
            } else {
                String value;
                if (equals >= 0) {
                    value = word.substring(equals + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    return new Parse.Error(flag + " needs a value");
                }
                error = draft.set(flag, value);
            }
            if (error.isPresent()) {
                return new Parse.Error(error.get());
            }
        }
        return draft.check().<Parse>map(Parse.Error::new)
                .orElseGet(() -> new Parse.Ok(new SimOptions(preset.get().presetName(), draft.scenario())));
    }

    /** The parameters while the flags are read. */
    private static final class Draft {
        int servers;
        int falsetickers;
        double falsetickerOffsetSeconds;
        Delay upDelay;
        Delay downDelay;
        double lossProbability;
        double offsetSeconds;
        double freqPpm;
        double wanderPerSqrtSecond;
        int minpoll;
        int maxpoll;
        boolean warm;
        long seconds;
        Seeds seeds;

        Draft(Scenario s) {
            servers = s.servers();
            falsetickers = s.falsetickers();
            falsetickerOffsetSeconds = s.falsetickerOffsetSeconds();
            upDelay = s.upDelay();
            downDelay = s.downDelay();
            lossProbability = s.lossProbability();
            offsetSeconds = s.offsetSeconds();
            freqPpm = s.freqPpm();
            wanderPerSqrtSecond = s.wanderPerSqrtSecond();
            minpoll = s.minpoll();
            maxpoll = s.maxpoll();
            warm = s.warm();
            seconds = s.seconds();
            seeds = s.seeds();
        }

        /** Applies one flag; a message if the flag or its value is wrong. */
        Optional<String> set(String flag, String value) {
            String wrong = flag + ": ";
            switch (flag) {
                case "--servers" -> {
                    OptionalLong n = integer(value, 1, Scenario.MAX_SERVERS);
                    if (n.isEmpty()) {
                        return Optional.of(wrong + "expected a number of servers from 1 to " + Scenario.MAX_SERVERS
                                + ", got '" + value + "'");
                    }
                    servers = (int) n.getAsLong();
                }
                case "--falsetickers" -> {
                    OptionalLong n = integer(value, 0, Scenario.MAX_SERVERS);
                    if (n.isEmpty()) {
                        return Optional.of(wrong + "expected a number of servers, got '" + value + "'");
                    }
                    falsetickers = (int) n.getAsLong();
                }
                case "--falseticker-offset" -> {
                    OptionalDouble s = decimal(value, -1e6, 1e6);
                    if (s.isEmpty()) {
                        return Optional.of(wrong + "expected seconds, got '" + value + "'");
                    }
                    falsetickerOffsetSeconds = s.getAsDouble();
                }
                case "--delay", "--delay-up", "--delay-down" -> {
                    Optional<Delay> delay = delay(value);
                    if (delay.isEmpty()) {
                        return Optional.of(wrong + "expected BASE,JITTER in seconds, neither negative, got '"
                                + value + "'");
                    }
                    if (!flag.equals("--delay-down")) {
                        upDelay = delay.get();
                    }
                    if (!flag.equals("--delay-up")) {
                        downDelay = delay.get();
                    }
                }
                case "--loss" -> {
                    OptionalDouble p = decimal(value, 0, 1);
                    if (p.isEmpty() || p.getAsDouble() >= 1) {
                        return Optional.of(wrong + "expected a probability in [0, 1), got '" + value + "'");
                    }
                    lossProbability = p.getAsDouble();
                }
                case "--offset" -> {
                    OptionalDouble s = decimal(value, -1e6, 1e6);
                    if (s.isEmpty()) {
                        return Optional.of(wrong + "expected seconds, got '" + value + "'");
                    }
                    offsetSeconds = s.getAsDouble();
                }
                case "--freq" -> {
                    OptionalDouble ppm = decimal(value, 0, 1e6);
                    if (ppm.isEmpty()) {
                        return Optional.of(wrong + "expected ppm, not negative, got '" + value + "'");
                    }
                    freqPpm = ppm.getAsDouble();
                }
                case "--wander" -> {
                    OptionalDouble w = decimal(value, 0, 1);
                    if (w.isEmpty()) {
                        return Optional.of(wrong + "expected a fractional frequency step from 0 to 1, got '"
                                + value + "'");
                    }
                    wanderPerSqrtSecond = w.getAsDouble();
                }
                case "--minpoll", "--maxpoll" -> {
                    OptionalLong poll = integer(value, Scenario.MIN_POLL_LIMIT, Scenario.MAX_POLL_LIMIT);
                    if (poll.isEmpty()) {
                        return Optional.of(wrong + "expected a poll exponent from " + Scenario.MIN_POLL_LIMIT + " to "
                                + Scenario.MAX_POLL_LIMIT + ", got '" + value + "'");
                    }
                    if (flag.equals("--minpoll")) {
                        minpoll = (int) poll.getAsLong();
                    } else {
                        maxpoll = (int) poll.getAsLong();
                    }
                }
                case "--seconds" -> {
                    OptionalLong n = integer(value, 1, MAX_SECONDS);
                    if (n.isEmpty()) {
                        return Optional.of(wrong + "expected whole seconds from 1 to " + MAX_SECONDS + ", got '"
                                + value + "'");
                    }
                    seconds = n.getAsLong();
                }
                case "--seeds" -> {
                    Optional<Seeds> range = seeds(value);
                    if (range.isEmpty()) {
                        return Optional.of(wrong + "expected A-B or A, ascending, at most " + MAX_SEEDS
                                + " seeds, got '" + value + "'");
                    }
                    seeds = range.get();
                }
                default -> {
                    return Optional.of("unknown flag '" + flag + "' (see --help)");
                }
            }
            return Optional.empty();
        }

        /** What the flags got wrong together. */
        Optional<String> check() {
            if (falsetickers > servers) {
                return Optional.of("--falsetickers " + falsetickers + " is more than the " + servers + " servers");
            }
            if (minpoll > maxpoll) {
                return Optional.of("minpoll " + minpoll + " is above maxpoll " + maxpoll);
            }
            return Optional.empty();
        }

        Scenario scenario() {
            return new Scenario(servers, falsetickers, falsetickerOffsetSeconds, upDelay, downDelay, lossProbability,
                    offsetSeconds, freqPpm, wanderPerSqrtSecond, minpoll, maxpoll, warm, seconds, seeds);
        }
    }

    /** A whole number in [min, max]; checked by pattern first, so parsing cannot fail. */
    private static OptionalLong integer(String text, long min, long max) {
        if (!INTEGER.matcher(text).matches()) {
            return OptionalLong.empty();
        }
        long n = Long.parseLong(text);
        return n < min || n > max ? OptionalLong.empty() : OptionalLong.of(n);
    }

    /** A decimal number in [min, max]; checked by pattern first, so parsing cannot fail. */
    private static OptionalDouble decimal(String text, double min, double max) {
        if (!DECIMAL.matcher(text).matches()) {
            return OptionalDouble.empty();
        }
        double x = Double.parseDouble(text);
        return x < min || x > max ? OptionalDouble.empty() : OptionalDouble.of(x);
    }

    private static Optional<Delay> delay(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        OptionalDouble base = decimal(parts[0], 0, 1e3);
        OptionalDouble jitter = decimal(parts[1], 0, 1e3);
        return base.isEmpty() || jitter.isEmpty() ? Optional.empty()
                : Optional.of(new Delay(base.getAsDouble(), jitter.getAsDouble()));
    }

    private static Optional<Seeds> seeds(String text) {
        Matcher m = SEED_RANGE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        long first = Long.parseLong(m.group(1));
        long last = m.group(2) == null ? first : Long.parseLong(m.group(2));
        return last < first || last - first >= MAX_SEEDS ? Optional.empty() : Optional.of(new Seeds(first, last));
    }
}
