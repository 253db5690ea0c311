package org.jntp.interop;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Marks a class of tests against real peer daemons in a network namespace: they run only with
 * {@code -Djntp.interop=true}, which {@code scripts/test} sets when it is root and
 * {@code ip netns} works, after {@code scripts/peers/fetch.sh}. Each test is bounded in time.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("interop")
@EnabledIfSystemProperty(
        named = "jntp.interop",
        matches = "true",
        disabledReason = "interop tests need root, ip netns and the peer daemons: scripts/test runs"
                + " them (after scripts/peers/fetch.sh), or ./mvnw verify -Dinterop=true as root")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@interface InteropTest {
    /**
     * The lock of the machine's cpus: {@code FloodIT} holds it alone, as its flood keeps both busy;
     * the tests that watch our served time to within a millisecond share it (each test, so that they
     * still run at once), as they measure the daemon on a quiet machine, not one a flood starves.
     */
    String CPUS = "the machine's cpus";
}
