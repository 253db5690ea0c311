package org.jntp.ntpq;

import java.util.List;
import java.util.Locale;
import org.jntp.protocol.control.Association;
import org.jntp.protocol.control.PeerEvent;
import org.jntp.protocol.control.PeerStatus;

/** ntpq 4.2.8's association table ({@code printassoc}), for {@code associations} and {@code lassociations}. */
public final class AssociationTable {
    private static final String HEADER = "\nind assid status  conf reach auth condition  last_event cnt\n"
            + "===========================================================\n";

    private AssociationTable() {}

    /**
     * The table of the associations, in the order given; unless {@code all}, only those configured
     * or reachable.
     */
    public static String format(List<Association> associations, boolean all) {
        if (associations.isEmpty()) {
            return "No association ID's in list\n";
        }
        StringBuilder out = new StringBuilder(HEADER);
        for (int i = 0; i < associations.size(); i++) {
            Association association = associations.get(i);
            PeerStatus status = association.status();
            if (!all && !shown(status)) {
                continue;
            }
            String reach;
            String auth;
            if (status.broadcast()) {
                reach = "none";
                auth = status.authEnabled() ? "yes" : "none";
            } else {
                reach = status.reachable() ? "yes" : "no";
                auth = !status.authEnabled() ? "none" : status.authentic() ? "ok " : "bad";
            }
            String condition = status.selection().message().substring("sel_".length());
            String line = String.format(Locale.ROOT, "%3d %5d  %04x   %3.3s  %4s  %4.4s %9.9s %11s %2d",
                    i + 1, association.associationId(), status.word(), status.configured() ? "yes" : "no",
                    reach, auth, condition, lastEvent(status.lastEvent()), status.eventCount());
            out.append(line.stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** Whether {@code peers} and {@code associations} show an association: configured or reachable. */
    public static boolean shown(PeerStatus status) {
        return status.configured() || status.reachable();
    }

    /** ntpq's own names of the last event: {@code clock_alarm} for 11, none past it. */
    private static String lastEvent(PeerEvent event) {
        return switch (event) {
            case CLOCK_EVENT -> "clock_alarm";
            case BAD_AUTH, POPCORN, INTERLEAVE_MODE, INTERLEAVE_ERROR -> "";
            default -> event.message();
        };
    }
}
