package org.jntp.kernel;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Marks a class of tests that boot a throw-away guest (scripts/kernel/run-guest): they run only with
 * {@code -Djntp.kernel=true}, which {@code scripts/test} sets when qemu and the guest's Debian
 * packages are there (after {@code scripts/kernel/fetch.sh}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("kernel")
@EnabledIfSystemProperty(
        named = "jntp.kernel",
        matches = "true",
        disabledReason = "kernel test-bed tests need qemu and Debian's kernel: scripts/test runs them"
                + " (after scripts/kernel/fetch.sh), or ./mvnw verify -Dkernel=true")
@interface KernelTest {}
