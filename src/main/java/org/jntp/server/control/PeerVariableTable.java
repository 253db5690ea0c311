package org.jntp.server.control;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.jntp.protocol.ReferenceId;
import org.jntp.protocol.control.VariableValue;

/**
 * ntpd 4.2.8's peer variables ({@code peer_var}, {@code ctl_putpeer}): the names it knows and the
 * values we have for them. As in ntpd, {@code xleave}, {@code bias}, {@code in} and {@code out}
 * appear only when not zero, which here is never; {@code ttl} only for a reference clock.
 */
final class PeerVariableTable {
    /** The names of ntpd 4.2.8's {@code peer_var}, in its order (AUTOKEY builds add more). */
    static final VariableTable TABLE = new VariableTable(List.of(
            "config", "authenable", "authentic", "srcadr", "srcport", "dstadr", "dstport", "leap", "hmode",
            "stratum", "ppoll", "hpoll", "precision", "rootdelay", "rootdisp", "refid", "reftime", "org", "rec",
            "xleave", "reach", "unreach", "timer", "delay", "offset", "jitter", "dispersion", "keyid",
            "filtdelay", "filtoffset", "pmode", "received", "sent", "filtdisp", "flash", "ttl", "peer_var_list",
            "in", "out", "headway", "bias", "srchost", "timerec", "timereach", "badauth", "bogusorg", "oldpkt",
            "seldisp", "selbroken", "candidate"),
            // def_peer_var: what ntpq -p gets, for it asks with an empty list
            List.of("srcadr", "srcport", "srchost", "dstadr", "dstport", "out", "in", "leap", "stratum",
                    "precision", "rootdelay", "rootdisp", "refid", "reftime", "rec", "reach", "unreach", "hmode",
                    "pmode", "hpoll", "ppoll", "headway", "flash", "keyid", "ttl", "offset", "delay", "dispersion",
                    "jitter", "xleave", "bias", "filtdelay", "filtoffset", "filtdisp"));

    private static final InetSocketAddress NO_ADDRESS =
            new InetSocketAddress(InetAddress.ofLiteral("0.0.0.0"), 0);

    private PeerVariableTable() {}

    /** The value of {@code name} for association {@code a}. */
    static Optional<VariableValue> value(String name, AssociationState a) {
        InetSocketAddress local = a.local().orElse(NO_ADDRESS);
        return switch (name) {
            case "config" -> unsigned(a.status().configured() ? 1 : 0);
            // ntpd puts !keyid here: 1 for an association without a key
            case "authenable" -> unsigned(a.status().authEnabled() ? 0 : 1);
            case "authentic" -> unsigned(a.status().authentic() ? 1 : 0);
            case "srcadr" -> Optional.of(new VariableValue.Address(a.source().getAddress()));
            case "srcport" -> unsigned(a.source().getPort());
            case "srchost" -> a.hostName().map(VariableValue.Text::new);
            case "dstadr" -> Optional.of(new VariableValue.Address(local.getAddress()));
            case "dstport" -> unsigned(local.getPort());
            case "leap" -> unsigned(a.leap().code());
            case "hmode" -> unsigned(a.hostMode());
            case "stratum" -> unsigned(a.stratum());
            case "ppoll" -> unsigned(a.peerPollLog2());
            case "hpoll" -> unsigned(a.hostPollLog2());
            case "precision" -> Optional.of(new VariableValue.Signed(a.precisionLog2()));
            case "rootdelay" -> millis(a.rootDelaySeconds());
            case "rootdisp" -> millis(a.rootDispersionSeconds());
            // a reference clock's ID is text at any stratum (ctl_putpeer's FLAG_REFCLOCK case)
            case "refid" -> Optional.of(new VariableValue.RefId(new ReferenceId(a.referenceIdBits()),
                    a.isRefclock() ? 0 : a.stratum()));
            case "reftime" -> Optional.of(new VariableValue.Timestamp(a.referenceTimeBits()));
            case "rec" -> Optional.of(new VariableValue.Timestamp(SystemVariableTable.timestampBits(a.receiveNanos())));
            case "reach" -> Optional.of(new VariableValue.Hex(a.reach()));
            case "unreach" -> unsigned(a.unreach());
            case "delay" -> millis(a.delaySeconds());
            case "offset" -> millis(a.offsetSeconds());
            case "jitter" -> millis(a.jitterSeconds());
            case "dispersion" -> millis(a.dispersionSeconds());
            case "keyid" -> unsigned(a.keyId());
            case "filtdelay" -> Optional.of(new VariableValue.FilterArray(a.filterDelaysSeconds()));
            case "filtoffset" -> Optional.of(new VariableValue.FilterArray(a.filterOffsetsSeconds()));
            case "filtdisp" -> Optional.of(new VariableValue.FilterArray(a.filterDispersionsSeconds()));
            case "pmode" -> unsigned(a.peerMode());
            case "received" -> unsigned(a.received());
            case "sent" -> unsigned(a.sent());
            case "flash" -> Optional.of(new VariableValue.Hex(a.flash()));
            case "ttl" -> a.isRefclock() ? unsigned(0) : Optional.empty();
            case "peer_var_list" -> Optional.of(new VariableValue.Text(TABLE.nameList()));
            case "headway" -> unsigned(0);
            default -> Optional.empty();
        };
    }

    private static Optional<VariableValue> unsigned(long value) {
        return Optional.of(new VariableValue.Unsigned(value));
    }

    private static Optional<VariableValue> millis(double seconds) {
        return Optional.of(VariableValue.Fixed.millis(seconds));
    }
}
