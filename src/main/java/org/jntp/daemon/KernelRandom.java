package org.jntp.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Unpredictable bits read straight from the kernel's generator, {@code /dev/urandom}, which is
 * where {@link java.security.SecureRandom}'s default (NativePRNG) takes them from too. The daemon's
 * start reads it rather than SecureRandom because a JVM's first SecureRandom sets up the security
 * providers, all of it before the first poll: 30 ms against 3 ms for the same 64 longs in an
 * interpreted JVM on the development machine.
 */
final class KernelRandom {
    private static final Path URANDOM = Path.of("/dev/urandom");

    private KernelRandom() {}

    /** Fills {@code block} with fresh bits. */
    static void fill(long[] block) {
        ByteBuffer bytes = read(block.length * Long.BYTES);
        bytes.asLongBuffer().get(block);
    }

    /** Fills {@code block} with fresh bits. */
    static void fill(byte[] block) {
        read(block.length).get(block);
    }

    /** One fresh long. */
    static long nextLong() {
        return read(Long.BYTES).getLong();
    }

    private static ByteBuffer read(int length) {
        ByteBuffer bytes = ByteBuffer.allocate(length).order(ByteOrder.nativeOrder());
        try (FileChannel urandom = FileChannel.open(URANDOM)) {
            while (bytes.hasRemaining()) {
                if (urandom.read(bytes) < 0) {
                    throw new IOException("end of file after " + bytes.position() + " of " + length + " bytes");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + URANDOM, e);
        }
        return bytes.flip();
    }
}
