package org.jntp.nts;

/**
 * What the server agrees to (RFC 8915 §4.1.2, §4.1.5): NTPv4 if offered, with AES-SIV-CMAC-256 if
 * offered; otherwise the response that says no.
 */
public final class KeNegotiation {
    /** The NTS next protocol id of NTPv4. */
    public static final int NTPV4 = 0;
    /** The AEAD algorithm id of AEAD_AES_SIV_CMAC_256 (RFC 5297), the one jntp implements. */
    public static final int AES_SIV_CMAC_256 = 15;

    private KeNegotiation() {}

    /** The outcome of a request. */
    public sealed interface Outcome {}

    /** NTPv4 with this algorithm: the server exports keys and makes cookies. */
    public record Agreed(int aeadAlgorithm) implements Outcome {}

    /** No agreement: the server sends this response and closes. */
    public record Declined(KeResponse response) implements Outcome {}

    /** The server's answer to a request. */
    public static Outcome negotiate(KeRequest request) {
        return switch (request) {
            case KeRequest.Refused(KeError error) -> new Declined(new KeResponse.Failed(error));
            case KeRequest.Valid valid when !valid.nextProtocols().contains(NTPV4) ->
                    new Declined(new KeResponse.NoCommonProtocol());
            case KeRequest.Valid valid when !valid.aeadAlgorithms().contains(AES_SIV_CMAC_256) ->
                    new Declined(new KeResponse.NoCommonAlgorithm());
            case KeRequest.Valid _ -> new Agreed(AES_SIV_CMAC_256);
        };
    }
}
