package org.jntp.server.control;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.jntp.config.RuntimeConfig;
import org.jntp.config.SetVar;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.control.Association;
import org.jntp.protocol.control.ControlError;
import org.jntp.protocol.control.ControlHeader;
import org.jntp.protocol.control.ControlOpcode;
import org.jntp.protocol.control.ControlRequest;
import org.jntp.protocol.control.ControlResponses;
import org.jntp.protocol.control.RequestParse;
import org.jntp.protocol.control.RequestedVariable;
import org.jntp.protocol.control.RequestedVariables;
import org.jntp.protocol.control.Variable;
import org.jntp.protocol.control.VariableList;
import org.jntp.protocol.control.VariableRequestParse;
import org.jntp.protocol.control.VariableValue;
import org.jntp.server.access.MruEntry;

/**
 * Answers mode 6 requests as ntpd 4.2.8's {@code process_control} does, from the published
 * {@link ControlState} and MRU list. A request may carry a MAC; the operations ntpd allows only
 * with the {@code controlkey} (WRITEVAR, WRITECLOCK, CONFIGURE, SAVECONFIG, READ_ORDLIST_A and the
 * traps) get the PERMISSION error unless it verifies with that key, and the answer to a request
 * with a MAC ends as ntpd's does (see {@link RequestAuth}). Unlike ntpd, it answers a source that
 * has not shown that it receives at its address ({@link AddressProof}: not on this host, no nonce)
 * with no more octets than it sent: a nonce to a request padded to the nonce's length, and the
 * PERMISSION error otherwise, so that a spoofed request amplifies nothing. {@code ntpq mrulist}
 * (REQ_NONCE, then READ_MRU) is answered only with a nonce, as in ntpd. Shared by the server
 * threads; it keeps no state of its own.
 */
public final class ControlServer {
    /** The status of READCLOCK's answer: the clock status word, nominal with no event. */
    private static final int CLOCK_STATUS_NOMINAL = 0;
    /** The only system variable ntpd 4.2.8 lets WRITEVAR write ({@code RW} in {@code sys_var}). */
    private static final String WRITABLE_VARIABLE = "leap";
    /** ntpd's {@code LEAP_NOTINSYNC}: a written leap value has no bits outside it. */
    private static final long LEAP_BITS = 3;
    /** Digits that always fit a long; longer numbers count as ntpd's overflow. */
    private static final int MAX_ATOINT_DIGITS = 18;
    /** What ntpd answers SAVECONFIG with when ntp.conf has no {@code saveconfigdir}. */
    static final String NO_SAVECONFIGDIR = "saveconfig prohibited, no saveconfigdir configured";
    /** ntpd's answer to CONFIGURE from a source under {@code restrict ... nomodify}. */
    static final String NOMODIFY_CONFIGURE = "runtime configuration prohibited by restrict ... nomodify";
    /** ntpd's answer to SAVECONFIG from a source under {@code restrict ... nomodify}. */
    static final String NOMODIFY_SAVECONFIG = "saveconfig prohibited by restrict ... nomodify";
    /** ntpd's answer to configuration text it applied. */
    static final String CONFIG_SUCCEEDED = "Config Succeeded";

    private final Supplier<ControlState> states;
    private final Supplier<List<MruEntry>> mru;
    private final Supplier<ServerStatistics> statistics;
    private final NonceKey nonces;
    private final ControlAuth auth;
    private final ControlHooks hooks;

    /** As {@link #ControlServer(Supplier, Supplier, Supplier, NonceKey, ControlAuth)} with no keys. */
    public ControlServer(Supplier<ControlState> states, Supplier<List<MruEntry>> mru,
            Supplier<ServerStatistics> statistics, NonceKey nonces) {
        this(states, mru, statistics, nonces, ControlAuth.none());
    }

    /** As {@link #ControlServer(Supplier, Supplier, Supplier, NonceKey, ControlAuth, ControlHooks)} with no hooks. */
    public ControlServer(Supplier<ControlState> states, Supplier<List<MruEntry>> mru,
            Supplier<ServerStatistics> statistics, NonceKey nonces, ControlAuth auth) {
        this(states, mru, statistics, nonces, auth, ControlHooks.none());
    }

    /**
     * @param states the control state in force, read once per request
     * @param mru the MRU list, most recently heard first, on the monotonic clock; read for READ_MRU only
     * @param statistics the server's statistics; read for the variables that show them only
     * @param nonces the key of mrulist's nonces
     * @param auth the keys request MACs are checked against, and the control key
     * @param hooks where CONFIGURE and SAVECONFIG go, and the variables setvar adds
     */
    public ControlServer(Supplier<ControlState> states, Supplier<List<MruEntry>> mru,
            Supplier<ServerStatistics> statistics, NonceKey nonces, ControlAuth auth, ControlHooks hooks) {
        this.states = Objects.requireNonNull(states, "states");
        this.mru = Objects.requireNonNull(mru, "mru");
        this.statistics = Objects.requireNonNull(statistics, "statistics");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.hooks = Objects.requireNonNull(hooks, "hooks");
    }

    /**
     * The response datagrams to one control datagram, in the order to send; none when ntpd would
     * drop it without an answer. The caller has already applied {@code restrict noquery}.
     *
     * @param datagram the request, from its position to its limit (left alone)
     * @param client where it came from, where the answer goes; on this host if a loopback address
     * @param nowNanos the served clock when it arrived (Unix ns)
     * @param monoNanos the monotonic clock then, the MRU list's timescale
     */
    public List<byte[]> answer(ByteBuffer datagram, InetSocketAddress client, long nowNanos, long monoNanos) {
        return answer(datagram, client, client.getAddress().isLoopbackAddress(), nowNanos, monoNanos, true);
    }

    /**
     * As {@link #answer(ByteBuffer, InetSocketAddress, long, long)}, from a source on this host or
     * not, which may change the configuration or not ({@code restrict ... nomodify}): CONFIGURE and
     * SAVECONFIG get ntpd's refusal then.
     *
     * @param onThisHost whether the source is this host, as the kernel vouches for it (a loopback
     *                   address, or an IPv4 address of this host): it need not show its address
     */
    public List<byte[]> answer(ByteBuffer datagram, InetSocketAddress client, boolean onThisHost, long nowNanos,
            long monoNanos, boolean mayModify) {
        ControlState state = states.get();
        LeapIndicator leap = state.system().leap();
        return switch (ControlRequest.parse(datagram)) {
            case RequestParse.Ignored ignored -> List.of();
            case RequestParse.Refused refused ->
                    List.of(ControlResponses.error(refused.header(), leap, refused.error()));
            case RequestParse.Parsed parsed -> {
                ControlRequest request = parsed.request();
                RequestAuth requestAuth = RequestAuth.of(request, datagram, auth);
                AddressProof proof = AddressProof.of(request, client, onThisHost, nonces, nowNanos);
                if (proof.proven()) {
                    yield serve(proof.request(), requestAuth, state, client, nowNanos, monoNanos, mayModify).stream()
                            .map(requestAuth::seal).toList();
                }
                List<byte[]> refusal = error(request.header(), state, ControlError.PERMISSION);
                List<byte[]> answer = servedUnproven(request.opcode())
                        ? serve(proof.request(), requestAuth, state, client, nowNanos, monoNanos, mayModify)
                        : refusal;
                yield noLongerThan(datagram.remaining(), answer.stream().map(requestAuth::seal).toList(),
                        requestAuth.seal(refusal.getFirst()));
            }
        };
    }

    /**
     * What a source that has not shown its address may ask: a nonce, with which it can, and
     * READ_MRU, which ntpd answers with nothing but an error without one.
     */
    private static boolean servedUnproven(ControlOpcode opcode) {
        return opcode == ControlOpcode.REQ_NONCE || opcode == ControlOpcode.READ_MRU;
    }

    /**
     * The answer if it is no longer than the request, else the refusal if that is not, else
     * nothing: the most a source that has not shown its address gets.
     */
    private static List<byte[]> noLongerThan(int requestLength, List<byte[]> answer, byte[] refusal) {
        if (answer.stream().mapToInt(datagram -> datagram.length).sum() <= requestLength) {
            return answer;
        }
        return refusal.length <= requestLength ? List.of(refusal) : List.of();
    }

    /** The opcodes ntpd's {@code control_codes} table marks {@code AUTH}. */
    private static boolean needsControlKey(ControlOpcode opcode) {
        return switch (opcode) {
            case WRITEVAR, WRITECLOCK, SETTRAP, CONFIGURE, SAVECONFIG, READ_ORDLIST_A, UNSETTRAP -> true;
            case UNSPEC, READSTAT, READVAR, READCLOCK, ASYNCMSG, READ_MRU, REQ_NONCE -> false;
        };
    }

    private List<byte[]> serve(ControlRequest request, RequestAuth requestAuth, ControlState state,
            InetSocketAddress client, long nowNanos, long monoNanos, boolean mayModify) {
        ControlHeader header = request.header();
        if (needsControlKey(request.opcode()) && !requestAuth.permitsControl(auth.controlKey())) {
            return error(header, state, ControlError.PERMISSION);
        }
        if (!mayModify && request.opcode() == ControlOpcode.CONFIGURE) {
            return ControlResponses.binary(header, state.system().leap(), state.system().status().word(),
                    NOMODIFY_CONFIGURE.getBytes(StandardCharsets.ISO_8859_1));
        }
        if (!mayModify && request.opcode() == ControlOpcode.SAVECONFIG) {
            return ControlResponses.text(header, state.system().leap(), 0, NOMODIFY_SAVECONFIG);
        }
        return switch (request.opcode()) {
            case UNSPEC -> statusOnly(header, state);
            case READSTAT -> readStatus(header, state);
            case READVAR -> header.associationId() == 0
                    ? systemVariables(request, state, nowNanos) : peerVariables(request, state);
            case READCLOCK -> clockVariables(request, state);
            case REQ_NONCE -> ControlResponses.text(header, state.system().leap(), state.system().status().word(),
                    VariableList.format(List.of(nonce(client, nowNanos))));
            case READ_MRU -> readMru(request, state, client, nowNanos, monoNanos);
            case WRITEVAR -> writeVariables(request, state, systemTable());
            case SAVECONFIG -> saveConfig(request, state, client);
            case READ_ORDLIST_A -> orderedList(request, state);
            case CONFIGURE -> hooks.reconfiguration().map(to -> configure(request, state, client, to))
                    .orElseGet(() -> error(header, state, ControlError.BADOP));
            // ntpd refuses clock writes whatever the key; jntp keeps no traps
            case WRITECLOCK, SETTRAP, UNSETTRAP -> error(header, state, ControlError.PERMISSION);
            case ASYNCMSG -> error(header, state, ControlError.BADOP);
        };
    }

    /**
     * WRITEVAR, as ntpd 4.2.8's {@code write_variables}: only association 0, only {@code leap},
     * with a value of 0 to 3. ntpd 4.2.8 then writes nothing (the code that would is commented
     * out), and answers with the status word and no data; so does this.
     */
    private static List<byte[]> writeVariables(ControlRequest request, ControlState state, VariableTable table) {
        ControlHeader header = request.header();
        if (header.associationId() != 0) {
            return error(header, state, ControlError.PERMISSION);
        }
        List<RequestedVariable> items = switch (RequestedVariables.parse(request.data())) {
            case VariableRequestParse.Parsed parsed -> parsed.variables();
            // ntpd stops reading at an over-long value and answers what came before
            case VariableRequestParse.ValueTooLong tooLong -> List.of();
        };
        for (RequestedVariable item : items) {
            if (!table.names().contains(item.name())) {
                return error(header, state, ControlError.UNKNOWNVAR);
            }
            if (!item.name().equals(WRITABLE_VARIABLE)) {
                return error(header, state, ControlError.PERMISSION);
            }
            OptionalLong value = item.value().map(ControlServer::atoint).orElse(OptionalLong.empty());
            if (value.isEmpty()) {
                return error(header, state, ControlError.BADFMT);
            }
            if ((value.getAsLong() & ~LEAP_BITS) != 0) {
                return error(header, state, ControlError.BADVALUE);
            }
        }
        return ControlResponses.text(header, state.system().leap(), state.system().status().word(), "");
    }

    /** ntpd's {@code atoint}: an optional minus and decimal digits, refused when they overflow. */
    private static OptionalLong atoint(String text) {
        String digits = text.startsWith("-") ? text.substring(1) : text;
        if (digits.isEmpty() || digits.length() > MAX_ATOINT_DIGITS
                || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(text));
    }

    private Variable nonce(InetSocketAddress client, long nowNanos) {
        return new Variable("nonce", new VariableValue.Word(nonces.issue(client, nowNanos)));
    }

    /**
     * READ_MRU: nothing at all without a valid nonce, so that a spoofed source gets nothing; the
     * entries the request asks for otherwise, in as many fragments as it allows.
     */
    private List<byte[]> readMru(ControlRequest request, ControlState state, InetSocketAddress client,
            long nowNanos, long monoNanos) {
        return switch (MruQuery.parse(request.data())) {
            case MruQuery.Parse.BadValue bad -> error(request.header(), state, ControlError.BADVALUE);
            case MruQuery.Parse.Read read -> readMru(read.query(), request, state, client, nowNanos, monoNanos);
        };
    }

    private List<byte[]> readMru(MruQuery query, ControlRequest request, ControlState state,
            InetSocketAddress client, long nowNanos, long monoNanos) {
        if (query.nonce().isEmpty() || !nonces.accepts(query.nonce().get(), client, nowNanos)) {
            return List.of();
        }
        boolean limitOk = query.limit() > 0 && query.limit() <= MruQuery.ROW_LIMIT;
        if ((query.frags() == 0 && !limitOk) || query.frags() > MruQuery.FRAGS_LIMIT) {
            return error(request.header(), state, ControlError.BADVALUE);
        }
        String fresh = nonces.issue(client, nowNanos);
        return switch (MruResponse.of(query, mru.get(), fresh, nowNanos, monoNanos)) {
            case MruResponse.Outcome.Send send -> ControlResponses.text(request.header(), state.system().leap(),
                    state.system().status().word(), VariableList.format(send.variables()));
            case MruResponse.Outcome.NoPrior none -> error(request.header(), state, ControlError.UNKNOWNVAR);
        };
    }

    /**
     * CONFIGURE ({@code ntpq :config}, {@code config-from-file}): the text read as ntp.conf lines
     * and handed to the daemon, answered as ntpd answers, {@code Config Succeeded} or the place of
     * the first problem as {@code column N syntax error, ...}, which ntpq marks with a caret.
     */
    private List<byte[]> configure(ControlRequest request, ControlState state, InetSocketAddress client,
            Reconfiguration to) {
        String text = new String(request.data(), StandardCharsets.ISO_8859_1);
        String reply = switch (RuntimeConfig.parse(text)) {
            case RuntimeConfig.Result.Accepted accepted -> {
                to.apply(client, accepted.associations(), accepted.unpeers());
                hooks.saver().ifPresent(saver -> saver.applied(text));
                yield CONFIG_SUCCEEDED;
            }
            case RuntimeConfig.Result.Refused refused -> "column " + refused.error().column() + " syntax error, "
                    + refused.error().message() + "; " + refused.error().fix();
        };
        // as ntpd's ctl_putdata: the text alone, without the line end of a variable list
        return ControlResponses.binary(request.header(), state.system().leap(), state.system().status().word(),
                reply.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * READ_ORDLIST_A ({@code ntpq ifstats}, {@code ntpq reslist}): the list the request data names,
     * in as many fragments as it takes. ntpd answers it only to a request carrying the controlkey's
     * MAC; the caller checks that, and answers PERMISSION otherwise.
     */
    List<byte[]> orderedList(ControlRequest request, ControlState state) {
        return switch (OrderedListResponse.of(request.data(), state)) {
            case OrderedListResponse.Outcome.Send send -> ControlResponses.text(request.header(),
                    state.system().leap(), state.system().status().word(), VariableList.format(send.variables()));
            case OrderedListResponse.Outcome.UnknownList unknown -> error(request.header(), state,
                    ControlError.UNKNOWNVAR);
        };
    }

    /** UNSPEC: no data, the status word of the system or of the association named. */
    private List<byte[]> statusOnly(ControlHeader header, ControlState state) {
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
        VariableTable.Selection all =
                PeerVariableTable.TABLE.select(new byte[0], name -> PeerVariableTable.value(name, a));
        return respond(header, state, a.status().word(), all);
    }

    private List<byte[]> systemVariables(ControlRequest request, ControlState state, long nowNanos) {
        Supplier<ServerStatistics> once = new Once<>(statistics);
        List<SetVar> user = hooks.userVariables().get();
        VariableTable table = SystemVariableTable.with(user);
        VariableTable.Selection selection = table.select(request.data(), name -> user.stream()
                .filter(v -> v.name().equals(name)).findFirst().map(SystemVariableTable::userValue)
                .or(() -> name.equals("sys_var_list") ? Optional.of(new VariableValue.Text(table.nameList()))
                        : SystemVariableTable.value(name, state, once, nowNanos)));
        return respond(request.header(), state, state.system().status().word(), selection);
    }

    /** The table READVAR and WRITEVAR of association 0 know: ntpd's, then the user's variables. */
    private VariableTable systemTable() {
        return SystemVariableTable.with(hooks.userVariables().get());
    }

    /**
     * SAVECONFIG, as ntpd 4.2.8's {@code save_config}: the text of the request names the file;
     * without a {@code saveconfigdir} nothing is written, and a request without a name gets no
     * answer at all.
     */
    private List<byte[]> saveConfig(ControlRequest request, ControlState state, InetSocketAddress client) {
        String fileSpec = fileSpec(request.data());
        if (hooks.saver().isPresent() && fileSpec.isEmpty()) {
            return List.of();
        }
        String reply = hooks.saver().map(saver -> saver.save(fileSpec, client)).orElse(NO_SAVECONFIGDIR);
        return ControlResponses.text(request.header(), state.system().leap(), 0, reply);
    }

    /** The request's text up to its first NUL, as ntpd reads the file name. */
    private static String fileSpec(byte[] data) {
        int end = 0;
        while (end < data.length && data[end] != 0) {
            end++;
        }
        return new String(data, 0, end, StandardCharsets.ISO_8859_1);
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

    /** Asks its source once, on first use: every variable of one answer shows the same statistics. */
    private static final class Once<T> implements Supplier<T> {
        private final Supplier<T> source;
        private Optional<T> value = Optional.empty();

        Once(Supplier<T> source) {
            this.source = source;
        }

        @Override
        public T get() {
            if (value.isEmpty()) {
                value = Optional.of(source.get());
            }
            return value.get();
        }
    }
}
