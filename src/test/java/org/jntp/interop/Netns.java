package org.jntp.interop;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A network namespace of our own, made by {@code scripts/peers/netns.sh}: loopback with
 * 127.0.0.1-5 and ::1, and a veth pair with 192.0.2.1-4 (see the script). Nothing in it can reach
 * another machine, and port 123 in it collides with nothing on the host.
 */
final class Netns implements AutoCloseable {
    private static final AtomicInteger CREATED = new AtomicInteger();
    private static final Duration SETUP_TIMEOUT = Duration.ofSeconds(30);

    private final Path scripts;
    private final String name;

    private Netns(Path scripts, String name) {
        this.scripts = scripts;
        this.name = name;
    }

    /** A new namespace named for its purpose; the name ends with our pid, so netns.sh sweep can tell it left over. */
    static Netns create(Path scripts, String purpose) {
        String name = "jntp-" + purpose + "-" + CREATED.incrementAndGet() + "-" + ProcessHandle.current().pid();
        Netns netns = new Netns(scripts, name);
        CommandResult up = netns.script(SETUP_TIMEOUT, Map.of(), "netns.sh", "up", name);
        if (!up.succeeded()) {
            netns.close();
            throw new IllegalStateException("cannot create network namespace " + name + "\n" + up.describe());
        }
        return netns;
    }

    String name() {
        return name;
    }

    /**
     * Another host on this namespace's network (netns.sh remote): a namespace of its own at
     * 192.0.2.100, which reaches 192.0.2.1-4 here over the veth pair; closed with this one.
     */
    Netns remote() {
        CommandResult remote = script(SETUP_TIMEOUT, Map.of(), "netns.sh", "remote", name);
        if (!remote.succeeded()) {
            throw new IllegalStateException("cannot create the remote of " + name + "\n" + remote.describe());
        }
        return new Netns(scripts, name + "-remote");
    }

    /** Runs a command inside, without CAP_SYS_TIME, with the peer tools (chronyc, ntpdig, ntpq) on its PATH. */
    CommandResult run(Duration timeout, String... command) {
        List<String> args = new ArrayList<>(List.of(name));
        args.addAll(List.of(command));
        return script(timeout, Map.of(), "nsexec.sh", args.toArray(String[]::new));
    }

    /** Runs one of the scripts in scripts/peers, with PEERS_NETNS naming this namespace. */
    CommandResult script(Duration timeout, Map<String, String> environment, String script, String... args) {
        List<String> command = new ArrayList<>(List.of(scripts.resolve(script).toString()));
        command.addAll(List.of(args));
        Map<String, String> env = new HashMap<>(environment);
        env.put("PEERS_NETNS", name);
        return Commands.run(timeout, env, command);
    }

    @Override
    public void close() {
        script(SETUP_TIMEOUT, Map.of(), "netns.sh", "down", name);
    }
}
