package org.jntp.server.control;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.control.Association;
import org.jntp.protocol.control.ControlError;
import org.jntp.protocol.control.ControlHeader;
import org.jntp.protocol.control.ControlRequest;
import org.jntp.protocol.control.ControlResponses;
import org.jntp.protocol.control.RequestParse;
import org.jntp.protocol.control.VariableList;

/**
 * Answers mode 6 requests as ntpd 4.2.8's {@code process_control} does, from a published
 * {@link ControlState}. There are no keys yet, so every operation ntpd allows only with the
 * {@code controlkey} (WRITEVAR, WRITECLOCK, CONFIGURE, SAVECONFIG, READ_ORDLIST_A and the traps)
 * gets the PERMISSION error ntpd gives an unauthenticated request. READ_MRU and REQ_NONCE
 * ({@code ntpq mrulist}) are not served yet: they get BADOP.
 */
public final class ControlServer {
    /** The status of READCLOCK's answer: the clock status word, nominal with no event. */
    private static final int CLOCK_STATUS_NOMINAL = 0;

    private ControlServer() {}

    /**
     * The response datagrams to one control datagram, in the order to send; none when ntpd would
     * drop it without an answer. The caller has already applied {@code restrict noquery}.
     *
     * @param datagram the request, from its position to its limit (left alone)
     * @param nowNanos the served clock when it arrived (Unix ns), for the {@code clock} variable
     */
    public static List<byte[]> answer(ByteBuffer datagram, ControlState state, long nowNanos) {
        LeapIndicator leap = state.system().leap();
        return switch (ControlRequest.parse(datagram)) {
            case RequestParse.Ignored ignored -> List.of();
            case RequestParse.Refused refused -> List.of(ControlResponses.error(refused.header(), leap, refused.error()));
            case RequestParse.Parsed parsed -> serve(parsed.request(), state, nowNanos);
        };
    }

    private static List<byte[]> serve(ControlRequest request, ControlState state, long nowNanos) {
        ControlHeader header = request.header();
        return switch (request.opcode()) {
            case UNSPEC -> statusOnly(header, state);
            case READSTAT -> readStatus(header, state);
            case READVAR -> header.associationId() == 0
                    ? systemVariables(request, state, nowNanos) : peerVariables(request, state);
            case READCLOCK -> clockVariables(request, state);
            case WRITEVAR, WRITECLOCK, SETTRAP, CONFIGURE, SAVECONFIG, READ_ORDLIST_A, UNSETTRAP ->
                    error(header, state, ControlError.PERMISSION);
            case READ_MRU, REQ_NONCE, ASYNCMSG -> error(header, state, ControlError.BADOP);
        };
    }

    /** UNSPEC: no data, the status word of the system or of the association named. */
    private static List<byte[]> statusOnly(ControlHeader header, ControlState state) {
        if (header.associationId() == 0) {
            return ControlResponses.text(header, state.system().leap(), state.system().status().word(), "");
        }
        return state.association(header.associationId())
                .map(a -> ControlResponses.text(header, state.system().leap(), a.status().word(), ""))
                .orElseGet(() -> error(header, state, ControlError.BADASSOC));
    }

    /**
     * READSTAT: for association 0 every association's ID and status word; for another, its
     * default variables (ntpd's {@code read_status} does both).
     */
    private static List<byte[]> readStatus(ControlHeader header, ControlState state) {
        LeapIndicator leap = state.system().leap();
        if (header.associationId() == 0) {
            List<Association> entries = state.associations().stream()
                    .map(a -> new Association(a.associationId(), a.status())).toList();
            return ControlResponses.binary(header, leap, state.system().status().word(), Association.encode(entries));
        }
        Optional<AssociationState> association = state.association(header.associationId());
        if (association.isEmpty()) {
            return error(header, state, ControlError.BADASSOC);
        }
        AssociationState a = association.get();
        VariableTable.Selection all = PeerVariableTable.TABLE.select(new byte[0], name -> PeerVariableTable.value(name, a));
        return respond(header, state, a.status().word(), all);
    }

    private static List<byte[]> systemVariables(ControlRequest request, ControlState state, long nowNanos) {
        VariableTable.Selection selection = SystemVariableTable.TABLE.select(request.data(),
                name -> SystemVariableTable.value(name, state, nowNanos));
        return respond(request.header(), state, state.system().status().word(), selection);
    }

    private static List<byte[]> peerVariables(ControlRequest request, ControlState state) {
        Optional<AssociationState> association = state.association(request.header().associationId());
        if (association.isEmpty()) {
            return error(request.header(), state, ControlError.BADASSOC);
        }
        AssociationState a = association.get();
        VariableTable.Selection selection =
                PeerVariableTable.TABLE.select(request.data(), name -> PeerVariableTable.value(name, a));
        return respond(request.header(), state, a.status().word(), selection);
    }

    /**
     * READCLOCK: the reference clock named, or for association 0 the system peer if it is one,
     * else the first reference clock (ntpd's {@code read_clockstatus}).
     */
    private static List<byte[]> clockVariables(ControlRequest request, ControlState state) {
        int id = request.header().associationId();
        Optional<AssociationState> clock = id != 0
                ? state.association(id).filter(AssociationState::isRefclock)
                : state.association(state.system().systemPeerId()).filter(AssociationState::isRefclock)
                        .or(() -> state.associations().stream().filter(AssociationState::isRefclock).findFirst());
        if (clock.isEmpty()) {
            return error(request.header(), state, ControlError.BADASSOC);
        }
        ClockState clockState = clock.get().clock().orElseThrow();
        VariableTable.Selection selection = ClockVariableTable.TABLE.select(request.data(),
                name -> ClockVariableTable.value(name, clockState));
        return respond(request.header(), state, CLOCK_STATUS_NOMINAL, selection);
    }

    private static List<byte[]> respond(ControlHeader header, ControlState state, int status,
            VariableTable.Selection selection) {
        return switch (selection) {
            case VariableTable.Selection.Chosen chosen -> ControlResponses.text(header, state.system().leap(), status,
                    VariableList.format(chosen.variables()));
            case VariableTable.Selection.Unknown unknown -> error(header, state, ControlError.UNKNOWNVAR);
        };
    }

    private static List<byte[]> error(ControlHeader header, ControlState state, ControlError error) {
        return List.of(ControlResponses.error(header, state.system().leap(), error));
    }
}
