package org.jntp.sim;

import java.util.OptionalDouble;
import java.util.random.RandomGenerator;
import org.jntp.clock.SimulatedClock;

/**
 * What a client gets for one run.
 *
 * @param clock     the client's clock: the only clock it reads and the only one it may correct
 * @param ntpConf   the ntp.conf to run: {@code server 192.0.2.N iburst minpoll P maxpoll Q} per server
 * @param driftPpm  the drift file's frequency on a warm start, empty on a cold one: the true
 *                  oscillator error with the sign {@link org.jntp.clock.Clock#setFrequency} takes to cancel it
 * @param random    the client's own random stream, seeded by the run's seed and apart from the world's
 * @param startNanos simulated monotonic time at which the client starts: 0, or later for a restart
 */
public record RunSetup(SimulatedClock clock, String ntpConf, OptionalDouble driftPpm, RandomGenerator random,
        long startNanos) {}
