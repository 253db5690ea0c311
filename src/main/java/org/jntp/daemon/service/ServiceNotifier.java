package org.jntp.daemon.service;

import java.util.Optional;
import org.jntp.daemon.EventLog;

/**
 * sd_notify: tells systemd the daemon's state by a datagram to {@code $NOTIFY_SOCKET}; without
 * that variable it does nothing. A message that cannot be sent is logged and otherwise ignored:
 * systemd then times the start out, which says more than a daemon refusing to serve.
 */
public final class ServiceNotifier {

    /** Sends one datagram to an AF_UNIX address; empty when sent, else what went wrong. */
    public interface Sender {
        Optional<String> send(byte[] sockaddr, byte[] message);
    }

    private final Optional<NotifySocket> socket;
    private final Sender sender;
    private final EventLog log;

    private ServiceNotifier(Optional<NotifySocket> socket, Sender sender, EventLog log) {
        this.socket = socket;
        this.sender = sender;
        this.log = log;
    }

    /** The notifier for this process's environment, sending through {@link UnixDatagram}. */
    public static ServiceNotifier fromEnvironment(EventLog log) {
        return of(Optional.ofNullable(System.getenv("NOTIFY_SOCKET")), UnixDatagram::send, log);
    }

    /** The notifier for a {@code $NOTIFY_SOCKET} value, sending through sender; an unusable value is logged. */
    public static ServiceNotifier of(Optional<String> notifySocket, Sender sender, EventLog log) {
        return switch (NotifySocket.parse(notifySocket)) {
            case NotifySocket.Parse.Absent absent -> new ServiceNotifier(Optional.empty(), sender, log);
            case NotifySocket.Parse.Ok ok -> new ServiceNotifier(Optional.of(ok.socket()), sender, log);
            case NotifySocket.Parse.Invalid invalid -> {
                log.info(invalid.message() + "; systemd will not hear that ntpd is ready");
                yield new ServiceNotifier(Optional.empty(), sender, log);
            }
        };
    }

    /** Tells systemd the daemon is in this state now. */
    public void notify(ServiceState state) {
        if (socket.isEmpty()) {
            return;
        }
        sender.send(socket.get().sockaddr(), state.message()).ifPresent(failure ->
                log.info("cannot tell systemd " + state.assignment() + " on " + socket.get().name() + ": " + failure));
    }
}
