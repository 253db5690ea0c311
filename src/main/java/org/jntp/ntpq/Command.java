package org.jntp.ntpq;

import java.util.List;
import java.util.Objects;

/**
 * An ntpq command: its keyword, arguments, the line {@code help} shows and what it does.
 *
 * @param keyword the name; any unique prefix calls it
 * @param args the arguments, in order
 * @param comment what {@code help COMMAND} says it does
 * @param handler what it does
 */
record Command(String keyword, List<Param> args, String comment, Handler handler) {
    Command {
        Objects.requireNonNull(keyword, "keyword");
        args = List.copyOf(args);
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(handler, "handler");
    }

    /** What a command does with its arguments. */
    @FunctionalInterface
    interface Handler {
        void run(NtpqShell shell, List<Arg> args);
    }

    /** An argument's type ({@code NTP_STR}, {@code NTP_UINT}, {@code NTP_INT}, {@code IP_VERSION}). */
    enum Type { TEXT, UNSIGNED, SIGNED, IP_VERSION }

    /**
     * An argument's description.
     *
     * @param type how it is read
     * @param optional whether it may be left out
     * @param description its name in the usage line
     */
    record Param(Type type, boolean optional, String description) {}

    /** An argument as read. */
    sealed interface Arg {
        /** A word. */
        record Text(String value) implements Arg {}

        /** A number (an association index {@code &N} already made an association ID). */
        record Number(long value) implements Arg {}
    }

    /** The usage line ({@code printusage}). */
    String usage() {
        StringBuilder line = new StringBuilder("usage: ").append(keyword);
        for (Param param : args) {
            line.append(param.optional() ? " [ " + param.description() + " ]" : " " + param.description());
        }
        return line.toString();
    }
}
