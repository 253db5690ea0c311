package org.jntp.daemon;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sockets that sent a request still waiting for its reply: one per source at most. A socket is
 * closed once its reply has been taken, or when the next request to the same source replaces it,
 * so a source that never answers holds one socket, not one per poll.
 *
 * @param <S> the socket type
 */
final class OutstandingRequests<S extends AutoCloseable> {

    /** A request in flight: the handle the client core gave it, where it went, the socket it left from. */
    record Request<S>(long handle, InetSocketAddress destination, S socket) {}

    private final Map<InetSocketAddress, Request<S>> byDestination = new LinkedHashMap<>();

    /** Records a request just sent, closing the socket of the earlier one to the same destination. */
    void sent(long handle, InetSocketAddress destination, S socket) {
        Request<S> replaced = byDestination.put(destination, new Request<>(handle, destination, socket));
        if (replaced != null) {
            close(replaced.socket());
        }
    }

    /** The request whose socket this is, if it is still outstanding. */
    Optional<Request<S>> bySocket(S socket) {
        for (Request<S> request : byDestination.values()) {
            if (request.socket() == socket) {
                return Optional.of(request);
            }
        }
        return Optional.empty();
    }

    /** Forgets a request (its reply came, or its socket failed) and closes its socket. */
    void finish(Request<S> request) {
        if (byDestination.remove(request.destination(), request)) {
            close(request.socket());
        }
    }

    /** The sockets to wait on, in the order their requests were first sent. */
    List<S> sockets() {
        List<S> sockets = new ArrayList<>(byDestination.size());
        byDestination.values().forEach(request -> sockets.add(request.socket()));
        return sockets;
    }

    int size() {
        return byDestination.size();
    }

    /** Closes every socket: at shutdown, or when the client core is replaced. */
    void closeAll() {
        byDestination.values().forEach(request -> close(request.socket()));
        byDestination.clear();
    }

    private static void close(AutoCloseable socket) {
        try {
            socket.close();
        } catch (Exception e) {
            // closing a UDP socket frees its descriptor even when it reports an error: nothing to do
        }
    }
}
