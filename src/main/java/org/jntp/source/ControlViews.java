package org.jntp.source;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jntp.config.AssociationFlag;
import org.jntp.config.AssociationType;
import org.jntp.config.RefclockAddress;
import org.jntp.config.ServerAddress;
import org.jntp.discipline.ClockFilter;
import org.jntp.discipline.PeerStatistics;
import org.jntp.protocol.KissCode;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.Mode;
import org.jntp.protocol.control.PeerEvent;
import org.jntp.protocol.control.PeerSelection;
import org.jntp.protocol.control.PeerStatus;
import org.jntp.server.control.AssociationState;
import org.jntp.server.control.EventTally;

/** How an association of the {@link Synchronizer} looks through mode 6 (ntpq's peer variables). */
final class ControlViews {
    /** ntpd's flash bits ({@code TEST1} ...) for the tests a packet can fail here. */
    private static final int FLASH_DUPLICATE = 0x0001;
    private static final int FLASH_BOGUS = 0x0002;
    private static final int FLASH_INVALID = 0x0004;
    private static final int FLASH_ACCESS = 0x0008;
    private static final int FLASH_AUTHENTICATION = 0x0010;
    private static final int FLASH_SYNC = 0x0020;
    private static final int FLASH_DISTANCE = 0x0040;
    private static final int UNSYNCHRONIZED_STRATUM = 16;

    private ControlViews() {}

    /**
     * The association as mode 6 shows it; before any usable packet, what ntpd shows of a new one:
     * leap 3, stratum 16, reference ID INIT.
     *
     * @param selection where the last selection left it
     * @param events its peer events so far
     * @param authentic whether its last packet carried a MAC of its key that verified
     * @param receiveNanos when the last usable packet arrived (Unix ns), 0 if none has
     */
    static AssociationState association(int associationId, Synchronizer.SourceSpec spec, Source source,
            ClockFilter filter, Optional<PeerVariables> variables, PeerSelection selection, EventTally events,
            boolean authentic, long receiveNanos, int precisionLog2) {
        PeerStatistics statistics = filter.statistics();
        PeerStatus status = status(spec, source, selection, events, authentic);
        Mode hostMode = source instanceof SymmetricSource ? Mode.SYMMETRIC_ACTIVE : Mode.CLIENT;
        Mode peerMode = source instanceof SymmetricSource ? Mode.SYMMETRIC_PASSIVE : Mode.SERVER;
        Optional<String> hostName = switch (spec.association().address()) {
            case ServerAddress.HostName name -> Optional.of(name.name());
            case ServerAddress.Literal literal -> Optional.empty();
            case RefclockAddress refclock -> Optional.empty();
        };
        return new AssociationState(associationId, spec.address(), hostName, Optional.empty(), status,
                variables.map(PeerVariables::leap).orElse(LeapIndicator.UNSYNCHRONIZED),
                variables.map(PeerVariables::stratum).orElse(UNSYNCHRONIZED_STRATUM),
                variables.map(PeerVariables::precisionLog2).orElse(precisionLog2),
                variables.map(PeerVariables::rootDelaySeconds).orElse(0.0),
                variables.map(PeerVariables::rootDispersionSeconds).orElse(0.0),
                variables.map(v -> v.referenceId().bits()).orElse(KissCode.INIT.referenceId().bits()),
                variables.map(v -> v.referenceTime().bits()).orElse(0L), receiveNanos, source.reach(),
                source.unreachCount(), hostMode.code(), variables.isPresent() ? peerMode.code() : 0,
                source.hostPollLog2(), source.peerPollLog2(), flash(source), source.counters().sent(),
                source.counters().received(), statistics.offsetSeconds(), statistics.delaySeconds(),
                filter.dispersionSeconds(), statistics.jitterSeconds(), filled(filter.filterDelaysSeconds(), filter),
                filled(filter.filterOffsetsSeconds(), filter), list(filter.filterDispersionsSeconds()),
                Optional.empty(), spec.association().options().key().orElse(0));
    }

    /**
     * The peer status word's fields, as ntpq shows them: authentication is enabled for an
     * association with a key or {@code nts}, and authentic while its last packet's MAC or NTS
     * Authenticator verified.
     */
    static PeerStatus status(Synchronizer.SourceSpec spec, Source source, PeerSelection selection, EventTally events,
            boolean authentic) {
        // a pool member is not "configured" in ntpd's sense: the pool line spawned it
        return new PeerStatus(spec.association().type() != AssociationType.POOL,
                spec.association().options().key().isPresent()
                        || spec.association().options().has(AssociationFlag.NTS), authentic, source.reach() != 0,
                false, selection, events.count(), PeerEvent.of(events.lastCode()));
    }

    /** ntpd's flash bits of the last packet taken: the tests it failed. */
    private static int flash(Source source) {
        return source.lastReply().map(reply -> switch (reply) {
            case Reply.Measured measured -> 0;
            case Reply.KissOfDeath kiss -> FLASH_ACCESS;
            case Reply.Rejected(RejectReason reason) -> switch (reason) {
                case DUPLICATE -> FLASH_DUPLICATE;
                case AUTHENTICATION -> FLASH_AUTHENTICATION;
                case BOGUS -> FLASH_BOGUS;
                case MALFORMED, UNSUPPORTED_VERSION, WRONG_MODE, ZERO_TIMESTAMP -> FLASH_INVALID;
                case STRATUM_ZERO_WITHOUT_KISS, UNSYNCHRONIZED -> FLASH_SYNC;
                case ROOT_DISTANCE -> FLASH_DISTANCE;
            };
        }).orElse(0);
    }

    /** Stage values newest first, 0 for a stage never filled, as ntpd shows its empty stages. */
    private static List<Double> filled(double[] values, ClockFilter filter) {
        long[] epochs = filter.filterEpochsNanos();
        for (int i = 0; i < values.length; i++) {
            if (epochs[i] == 0) {
                values[i] = 0;
            }
        }
        return list(values);
    }

    private static List<Double> list(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
