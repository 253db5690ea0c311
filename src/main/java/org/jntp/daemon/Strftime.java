package org.jntp.daemon;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * The strftime conversions a saveconfig file name may hold, as ntpd expands them
 * ({@code ntpq -c "saveconfig ntp-%Y%m%d-%H%M%S.conf"}), in the C locale. A conversion it does not
 * know stays as written.
 */
final class Strftime {
    private Strftime() {}

    static String format(String spec, ZonedDateTime time) {
        StringBuilder out = new StringBuilder(spec.length() + 16);
        for (int i = 0; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (c != '%' || i + 1 == spec.length()) {
                out.append(c);
                continue;
            }
            char conversion = spec.charAt(++i);
            switch (conversion) {
                case 'Y' -> out.append(time.getYear());
                case 'y' -> out.append(twoDigits(time.getYear() % 100));
                case 'm' -> out.append(twoDigits(time.getMonthValue()));
                case 'd' -> out.append(twoDigits(time.getDayOfMonth()));
                case 'e' -> out.append(time.getDayOfMonth() < 10 ? " " : "").append(time.getDayOfMonth());
                case 'j' -> out.append(String.format(Locale.ROOT, "%03d", time.getDayOfYear()));
                case 'H' -> out.append(twoDigits(time.getHour()));
                case 'M' -> out.append(twoDigits(time.getMinute()));
                case 'S' -> out.append(twoDigits(time.getSecond()));
                case 's' -> out.append(time.toEpochSecond());
                case 'b' -> out.append(time.getMonth().getDisplayName(TextStyle.SHORT, Locale.ROOT));
                case 'a' -> out.append(time.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT));
                case 'F' -> out.append(DateTimeFormatter.ISO_LOCAL_DATE.format(time));
                case '%' -> out.append('%');
                default -> out.append('%').append(conversion);
            }
        }
        return out.toString();
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }
}
