package org.jntp.server.control;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.jntp.protocol.control.ControlOpcode;
import org.jntp.protocol.control.ControlRequest;
import org.jntp.protocol.control.NonceProof;

/**
 * Whether a control request's source has shown that it receives at its address, which an answer
 * longer than the request needs: mode 6 then amplifies nothing for a spoofed source. A source on
 * this host has (the daemon knows it by its address, as the kernel guards it); any other shows it
 * with a nonce at the head of its request ({@link NonceProof}) that the server issued to that
 * address and port less than 16 s before.
 *
 * @param proven whether the source has shown it
 * @param request the request to serve: without the nonce at its head, except READ_MRU, whose
 *                query reads its nonce itself
 */
record AddressProof(boolean proven, ControlRequest request) {

    static AddressProof of(ControlRequest request, InetSocketAddress client, boolean onThisHost, NonceKey nonces,
            long nowNanos) {
        Optional<NonceProof> nonce = NonceProof.split(request.data());
        if (nonce.isEmpty()) {
            return new AddressProof(onThisHost, request);
        }
        boolean valid = nonces.accepts(nonce.get().nonce(), client, nowNanos);
        ControlRequest served = request.opcode() == ControlOpcode.READ_MRU
                ? request : request.withData(nonce.get().rest());
        return new AddressProof(onThisHost || valid, served);
    }
}
