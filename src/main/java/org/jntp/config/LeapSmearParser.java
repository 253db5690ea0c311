package org.jntp.config;

import java.util.OptionalLong;

/**
 * {@code leapsmearinterval SECONDS}: how long before a leap second the server starts smearing it,
 * 0 for no smear. ntpd 4.2.8 takes any whole number of seconds into an int (its documentation
 * recommends 7200 to 86400), and so does this; a negative number, which ntpd would take as
 * garbage, is an error.
 */
final class LeapSmearParser {
    private static final String FIX = "write the smear's length in whole seconds, such as \"leapsmearinterval 86400\""
            + " (ntpd recommends 7200 to 86400), or 0 for no smear";

    private LeapSmearParser() {}

    static void parse(LineCursor line, ConfigBuilder config) {
        if (!line.hasNext()) {
            line.error("needs the smear interval in seconds", FIX);
            return;
        }
        Token value = line.next();
        OptionalLong seconds = LineCursor.parseInteger(value.text());
        if (seconds.isEmpty()) {
            line.error(value, "\"" + value.text() + "\" is not a whole number of seconds", FIX);
        } else if (seconds.getAsLong() < 0 || seconds.getAsLong() > Integer.MAX_VALUE) {
            line.error(value, value.text() + " s is out of range 0.." + Integer.MAX_VALUE, FIX);
        }
        line.rejectRest("leapsmearinterval takes one number");
        if (line.clean()) {
            config.leapSmearInterval((int) seconds.getAsLong());
        }
    }
}
