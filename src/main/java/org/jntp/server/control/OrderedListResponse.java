package org.jntp.server.control;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jntp.protocol.control.Variable;
import org.jntp.protocol.control.VariableValue;
import org.jntp.server.access.RestrictEntry;
import org.jntp.server.access.RestrictFlag;

/**
 * The variables of a READ_ORDLIST_A answer, as ntpd 4.2.8's {@code read_ordlist} sends them.
 * Request data {@code ifstats} (or none) lists the addresses served, each as {@code addr.N},
 * {@code bcast.N}, {@code en.N}, {@code name.N}, {@code flags.N}, {@code tl.N}, {@code mc.N},
 * {@code rx.N}, {@code tx.N}, {@code txerr.N}, {@code pc.N} and {@code up.N}; request data
 * {@code addr_restrictions} lists the restrict entries, each as {@code addr.N}, {@code mask.N},
 * {@code hits.N} and {@code flags.N}. ntpd shuffles each entry's items and adds random ones, so
 * that no client comes to depend on their order; here they come in the order of ntpd's code.
 */
final class OrderedListResponse {
    private static final String IFSTATS = "ifstats";
    private static final String ADDR_RESTRICTIONS = "addr_restrictions";
    /** We neither send multicast nor join groups: ntpd's {@code last_ttl} and {@code num_mcast} stay 0. */
    /**
     * The most text an answer carries: its last fragment's offset must fit 16 bits. A list longer
     * than that (hundreds of addresses) is cut after the last whole entry that fits.
     */
    static final int MAX_TEXT_LENGTH = 0xFFFF;
    /** Room for the separator after an item: a comma and a space, or a comma and a line break. */
    private static final int SEPARATOR_LENGTH = 3;
    private static final int NO_MULTICAST = 0;

    /** ntpd's {@code res_access_bits}: the flags reslist names, in the order it names them. */
    private static final List<AccessName> ACCESS_NAMES = List.of(
            new AccessName(RestrictFlag.IGNORE, "ignore"),
            new AccessName(RestrictFlag.NOSERVE, "noserve"),
            new AccessName(RestrictFlag.NOTRUST, "notrust"),
            new AccessName(RestrictFlag.NOQUERY, "noquery"),
            new AccessName(RestrictFlag.NOMODIFY, "nomodify"),
            new AccessName(RestrictFlag.NOPEER, "nopeer"),
            new AccessName(RestrictFlag.NOTRAP, "notrap"),
            new AccessName(RestrictFlag.LOWPRIOTRAP, "lptrap"),
            new AccessName(RestrictFlag.LIMITED, "limited"),
            new AccessName(RestrictFlag.VERSION, "version"),
            new AccessName(RestrictFlag.KOD, "kod"),
            new AccessName(RestrictFlag.FLAKE, "flake"));

    private record AccessName(RestrictFlag flag, String name) {}

    private OrderedListResponse() {}

    /** What to answer: the variables to send, or that the request names no list ntpd knows. */
    sealed interface Outcome {
        record Send(List<Variable> variables) implements Outcome {}

        /** Request data other than the two list names: ntpd's UNKNOWNVAR. */
        record UnknownList() implements Outcome {}
    }

    /** The answer to request data, from the lists of state as they are now. */
    static Outcome of(byte[] data, ControlState state) {
        String name = new String(data, StandardCharsets.ISO_8859_1);
        if (name.isEmpty() || name.equals(IFSTATS)) {
            return new Outcome.Send(interfaces(state.lists().interfaces(), state.associations()));
        }
        if (name.equals(ADDR_RESTRICTIONS)) {
            return new Outcome.Send(restrictions(state.lists().restrictions()));
        }
        return new Outcome.UnknownList();
    }

    /** ntpd's {@code read_ifstats}: every address, numbered from 0. */
    static List<Variable> interfaces(List<InterfaceStats> interfaces, List<AssociationState> associations) {
        List<List<Variable>> entries = new ArrayList<>(interfaces.size());
        for (int n = 0; n < interfaces.size(); n++) {
            InterfaceStats stats = interfaces.get(n);
            entries.add(List.of(
                    new Variable("addr." + n, new VariableValue.Word(SystemVariableTable.socketText(stats.address()))),
                    new Variable("bcast." + n, new VariableValue.Word("")),
                    new Variable("en." + n, new VariableValue.Signed(stats.enabled() ? 1 : 0)),
                    new Variable("name." + n, new VariableValue.Text(stats.name())),
                    new Variable("flags." + n, new VariableValue.Hex(stats.flags())),
                    new Variable("tl." + n, new VariableValue.Signed(NO_MULTICAST)),
                    new Variable("mc." + n, new VariableValue.Signed(NO_MULTICAST)),
                    new Variable("rx." + n, new VariableValue.Signed(stats.received())),
                    new Variable("tx." + n, new VariableValue.Signed(stats.sent())),
                    new Variable("txerr." + n, new VariableValue.Signed(stats.sendErrors())),
                    new Variable("pc." + n, new VariableValue.Unsigned(peerCount(stats.address(), associations))),
                    new Variable("up." + n, new VariableValue.Unsigned(stats.uptimeSeconds()))));
        }
        return fitting(entries);
    }

    /** ntpd's {@code peercnt}: the associations that use this address as theirs. */
    private static long peerCount(InetSocketAddress address, List<AssociationState> associations) {
        InetAddress local = address.getAddress();
        return associations.stream()
                .filter(a -> a.local().map(l -> l.getAddress().equals(local)).orElse(false))
                .count();
    }

    /** ntpd's {@code read_addr_restrictions}: the IPv4 list, then the IPv6 one, numbered on from 0. */
    static List<Variable> restrictions(List<RestrictionHits> restrictions) {
        List<List<Variable>> entries = new ArrayList<>(restrictions.size());
        for (int n = 0; n < restrictions.size(); n++) {
            RestrictEntry entry = restrictions.get(n).entry();
            entries.add(List.of(
                    new Variable("addr." + n, new VariableValue.Word(new VariableValue.Address(
                            entry.addressMask().address().inetAddress()).text())),
                    new Variable("mask." + n, new VariableValue.Word(new VariableValue.Address(
                            entry.addressMask().mask().inetAddress()).text())),
                    new Variable("hits." + n, new VariableValue.Unsigned(restrictions.get(n).hits())),
                    new Variable("flags." + n, new VariableValue.Word(flagText(entry)))));
        }
        return fitting(entries);
    }

    /** The entries' variables, as many whole entries as fit {@link #MAX_TEXT_LENGTH}. */
    private static List<Variable> fitting(List<List<Variable>> entries) {
        List<Variable> variables = new ArrayList<>();
        int length = 0;
        for (List<Variable> entry : entries) {
            for (Variable variable : entry) {
                length += variable.item().length() + SEPARATOR_LENGTH;
            }
            if (length > MAX_TEXT_LENGTH) {
                break;
            }
            variables.addAll(entry);
        }
        return variables;
    }

    /**
     * The match flags ({@code ntpport}, {@code source}), a space, the access flags, as ntpd's
     * {@code res_match_flags} and {@code res_access_flags} name them; the access flags alone when
     * there are no match flags. Flags ntpd 4.2.8 leaves out of reslist (noepeer, mssntp, nomrulist)
     * are left out here too.
     */
    static String flagText(RestrictEntry entry) {
        List<String> match = new ArrayList<>(2);
        if (entry.ntpPortOnly()) {
            match.add("ntpport");
        }
        if (entry.fromSource()) {
            match.add("source");
        }
        List<String> access = new ArrayList<>();
        for (AccessName name : ACCESS_NAMES) {
            if (name.flag().isSetIn(entry.flags())) {
                access.add(name.name());
            }
        }
        String accessText = String.join(" ", access);
        return match.isEmpty() ? accessText : String.join(" ", match) + " " + accessText;
    }
}
