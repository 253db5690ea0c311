package org.jntp.daemon;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.jntp.server.SystemVariables;
import org.jntp.server.control.ControlState;
import org.jntp.server.control.HostInfo;
import org.jntp.server.control.OrderedLists;
import org.jntp.server.control.SystemState;

/**
 * What the client thread publishes and the server threads read: the system variables every time
 * reply carries, and the control state mode 6 requests are answered from. Both immutable, each
 * replaced whole.
 */
final class Published {
    private final HostInfo host;
    private final AtomicReference<SystemVariables> system;
    private final AtomicReference<ControlState> control;
    /** Set once the sockets are open, before any request can be answered. */
    private volatile OrderedLists lists = OrderedLists.none();

    /** Before the client thread publishes anything: unsynchronised, no associations. */
    Published(HostInfo host, SystemVariables initial, int pollLog2) {
        this.host = host;
        this.system = new AtomicReference<>(initial);
        this.control = new AtomicReference<>(new ControlState(
                SystemState.starting(host, initial.precisionLog2(), pollLog2), List.of()));
    }

    /** What {@code version}, {@code processor} and {@code system} say of this daemon and machine. */
    static HostInfo thisHost(String version) {
        String arch = System.getProperty("os.arch", "unknown");
        // uname's name for it, as ntpd reports it
        String processor = arch.equals("amd64") ? "x86_64" : arch;
        return new HostInfo("ntpd jntp-" + version, processor.toLowerCase(Locale.ROOT),
                System.getProperty("os.name", "unknown") + "/" + System.getProperty("os.version", "unknown"));
    }

    HostInfo host() {
        return host;
    }

    /** Lists the daemon's addresses and restrictions, in this state and every one published after. */
    void lists(OrderedLists served) {
        lists = served;
        control.set(control.get().withLists(served));
    }

    void publish(SystemVariables variables, ControlState state) {
        system.set(variables);
        control.set(state.withLists(lists));
    }

    SystemVariables system() {
        return system.get();
    }

    ControlState control() {
        return control.get();
    }
}
