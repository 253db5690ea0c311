package org.jntp.interop;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.jntp.config.AssociationFlag;
import org.jntp.config.AssociationOptions;
import org.jntp.config.NtsSettings;
import org.jntp.daemon.NtsKeClient;
import org.jntp.nts.KeResult;

/**
 * Our NTS-KE client as a command, so that a test can run it inside a namespace:
 * {@code NtsKeProbe HOST PORT CA_FILE} prints {@code established COOKIES SERVER PORT},
 * {@code refused CODE} or {@code failed REASON}.
 */
public final class NtsKeProbe {
    private NtsKeProbe() {}

    public static void main(String[] args) throws IOException {
        AssociationOptions none = AssociationOptions.none();
        AssociationOptions options = new AssociationOptions(Set.of(AssociationFlag.NTS), none.minPollLog2(),
                none.maxPollLog2(), none.version(), none.key(), none.mode(), none.ttl(), Optional.of(args[2]));
        KeResult result = NtsKeClient.forSource(options, NtsSettings.none()).exchange(args[0], Integer.parseInt(args[1]));
        System.out.println(switch (result) {
            case KeResult.Established established -> "established " + established.cookies().size() + " "
                    + established.ntpServer() + " " + established.ntpPort();
            case KeResult.Refused(int code) -> "refused " + code;
            case KeResult.Failed(String reason) -> "failed " + reason;
        });
    }
}
