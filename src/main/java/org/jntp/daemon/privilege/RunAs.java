package org.jntp.daemon.privilege;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The argument of {@code -u user[:group]}: a user and an optional group, each a name or a number,
 * as ntpd takes them.
 */
public record RunAs(String user, Optional<String> group) {

    /** The outcome of reading {@code -u}'s argument. */
    public sealed interface Parse {
        record Ok(RunAs runAs) implements Parse {}

        record Error(String message) implements Parse {}
    }

    /** The outcome of looking the user and group up. */
    public sealed interface Resolution {
        record Found(Identity identity) implements Resolution {}

        record NotFound(String message) implements Resolution {}
    }

    /** Reads {@code user}, {@code user:group}, with names or numeric ids. */
    public static Parse parse(String spec) {
        int colon = spec.indexOf(':');
        String user = colon < 0 ? spec : spec.substring(0, colon);
        Optional<String> group = colon < 0 ? Optional.empty() : Optional.of(spec.substring(colon + 1));
        if (user.isEmpty()) {
            return new Parse.Error("-u " + spec + ": no user given; expected user[:group]");
        }
        if (group.isPresent() && group.get().isEmpty()) {
            return new Parse.Error("-u " + spec + ": no group after ':'; expected user[:group]");
        }
        return new Parse.Ok(new RunAs(user, group));
    }

    /**
     * Looks the user up by name, or by id when it is a number, and the group likewise, a number
     * standing for itself; without a group, the user's primary group.
     */
    public Resolution resolve(Privileges privileges) {
        Optional<Account> account = isNumber(user)
                ? parseId(user).flatMap(privileges::userWithId)
                : privileges.userNamed(user);
        if (account.isEmpty()) {
            return new Resolution.NotFound("-u: no such user: " + user);
        }
        if (group.isEmpty()) {
            return new Resolution.Found(new Identity(account.get().name(), account.get().uid(), account.get().gid()));
        }
        String name = group.get();
        OptionalInt gid = isNumber(name)
                ? parseId(name).map(OptionalInt::of).orElse(OptionalInt.empty())
                : privileges.groupNamed(name);
        if (gid.isEmpty()) {
            return new Resolution.NotFound("-u: no such group: " + name);
        }
        return new Resolution.Found(new Identity(account.get().name(), account.get().uid(), gid.getAsInt()));
    }

    private static boolean isNumber(String text) {
        return text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** An id fits in 32 bits unsigned; -1 is no id (setuid(-1) means "leave it"). */
    private static Optional<Integer> parseId(String digits) {
        if (digits.length() > 10) {
            return Optional.empty();
        }
        long id = Long.parseLong(digits);
        return id < 0xFFFF_FFFFL ? Optional.of((int) id) : Optional.empty();
    }
}
