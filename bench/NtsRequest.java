import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.jntp.config.AssociationOptions;
import org.jntp.config.ConfigParser;
import org.jntp.daemon.NtsKeClient;
import org.jntp.nts.KeResult;
import org.jntp.nts.NtsClientExchange;
import org.jntp.protocol.NtpHeader;
import org.jntp.protocol.NtpTimestamp;

/**
 * For bench/server-rate.sh NTS=1: one NTS-KE handshake with a server, then an NTS request made with
 * its first cookie, written to a file for ntpload -f (the server answers it as often as it comes:
 * it keeps no record of cookies used); then as many handshakes as THREADS clients complete in
 * SECONDS, for the handshake rate. Certificates are not checked (noval): the bench's server has a
 * throw-away one.
 *
 * Usage: java -cp target/jntp.jar bench/NtsRequest.java HOST KE_PORT OUT_FILE SECONDS THREADS
 */
public class NtsRequest {
    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        long seconds = Long.parseLong(args[3]);
        int threads = Integer.parseInt(args[4]);
        AssociationOptions options = ConfigParser.parse("server " + host + " nts noval\n", "bench.conf")
                .config().associations().getFirst().options();
        NtsKeClient client = NtsKeClient.forSource(options, ConfigParser.parse("", "bench.conf").config().nts());
        if (!(client.exchange(host, port) instanceof KeResult.Established established)) {
            System.err.println("NtsRequest: no NTS-KE with " + host + ":" + port);
            System.exit(1);
            return;
        }
        ByteBuffer packet = ByteBuffer.allocate(1024);
        NtpHeader.clientRequest(NtpHeader.VERSION, NtpTimestamp.ofUnixNanos(System.currentTimeMillis() * 1_000_000L))
                .encode(packet);
        NtsClientExchange.writeRequest(packet.flip(), established.cookies().getFirst(), 0, established.keys(),
                new SecureRandom());
        byte[] request = Arrays.copyOf(packet.array(), packet.limit());
        Files.write(Path.of(args[2]), request);
        System.out.println("request " + request.length + " octets, " + established.cookies().size() + " cookies");

        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long endNanos = System.nanoTime() + seconds * 1_000_000_000L;
        Thread[] workers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            workers[i] = Thread.ofPlatform().start(() -> {
                while (System.nanoTime() - endNanos < 0) {
                    (client.exchange(host, port) instanceof KeResult.Established ? done : failed).incrementAndGet();
                }
            });
        }
        for (Thread worker : workers) {
            worker.join();
        }
        System.out.printf("handshakes %d failed %d in %d s with %d clients: %.0f/s%n", done.get(), failed.get(),
                seconds, threads, done.get() / (double) seconds);
    }
}
