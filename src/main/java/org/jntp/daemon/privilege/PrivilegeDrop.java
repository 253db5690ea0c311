package org.jntp.daemon.privilege;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * Switches a process started as root to the {@code -u} user, keeping only {@link Capability#KEPT},
 * in the order ntpd follows with libcap: keep the permitted set across the switch, leave root's
 * supplementary groups, set the group, set the user, then cut permitted and effective down to the
 * kept ones and stop keeping. Kept capabilities the process no longer has (not in its bounding set)
 * are simply not kept.
 *
 * <p>Capabilities belong to threads: the thread that drops keeps them, and so do the threads it
 * starts afterwards; threads that already ran lose every capability when the C library switches
 * their user too, so the daemon's threads must start after the drop.
 */
public final class PrivilegeDrop {

    /** The outcome of a drop. */
    public sealed interface Outcome {
        /**
         * Running as the identity now.
         *
         * @param kept the capabilities the calling thread holds, permitted and effective
         * @param unavailable the ones ntpd keeps that this process did not have to keep
         */
        record Dropped(Identity identity, Set<Capability> kept, Set<Capability> unavailable) implements Outcome {}

        /** A step failed: the process must not go on, half switched. */
        record Failed(String message) implements Outcome {}
    }

    private PrivilegeDrop() {}

    /** Becomes the identity with only the kept capabilities. */
    public static Outcome drop(Identity identity, Privileges privileges) {
        long kept = Capability.bits(Capability.KEPT) & privileges.permittedCapabilities();
        List<Step> steps = List.of(
                new Step("prctl(PR_SET_KEEPCAPS, 1)", () -> privileges.keepCapabilities(true)),
                new Step("setgroups(" + identity.gid() + ")", () -> privileges.setGroups(identity.gid())),
                new Step("setgid(" + identity.gid() + ")", () -> privileges.setGid(identity.gid())),
                new Step("setuid(" + identity.uid() + ")", () -> privileges.setUid(identity.uid())),
                new Step("capset(" + Capability.in(kept) + ")", () -> privileges.setCapabilities(kept)),
                new Step("prctl(PR_SET_KEEPCAPS, 0)", () -> privileges.keepCapabilities(false)));
        for (Step step : steps) {
            int errno = step.call().getAsInt();
            if (errno != 0) {
                return new Outcome.Failed("cannot run as " + identity + ": " + step.description() + " failed: "
                        + privileges.errorText(errno));
            }
        }
        Set<Capability> unavailable = EnumSet.copyOf(Capability.KEPT);
        unavailable.removeAll(Capability.in(kept));
        return new Outcome.Dropped(identity, Capability.in(kept), unavailable);
    }

    /** One system call of the drop: what it is called in messages, and the call, giving 0 or an errno. */
    private record Step(String description, IntSupplier call) {}
}
