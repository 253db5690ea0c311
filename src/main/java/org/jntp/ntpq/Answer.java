package org.jntp.ntpq;

/**
 * A complete response.
 *
 * @param status the status word
 * @param associationId the association the response is for
 * @param payload the data of all fragments in order
 */
public record Answer(int status, int associationId, byte[] payload) {
    /** Copies the payload. */
    public Answer {
        payload = payload.clone();
    }

    /** The payload (a copy). */
    @Override
    public byte[] payload() {
        return payload.clone();
    }
}
