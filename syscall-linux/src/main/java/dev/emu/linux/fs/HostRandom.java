package dev.emu.linux.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Random bytes from the host for AT_RANDOM, getrandom and /dev/urandom: read from the host's
 * /dev/urandom where it has one, else from a {@link SecureRandom}. Every process start needs
 * 16 bytes, and a SecureRandom's first use sets up the security providers (some 50 classes,
 * 13-15 ms of CPU and up to 70 ms of wall time measured at start-up) for what the kernel hands
 * out from the same pool.
 */
public final class HostRandom {
    private HostRandom() {}

    private static final Path URANDOM = Path.of("/dev/urandom");

    /** Fills {@code out}. */
    public static void nextBytes(byte[] out) {
        try (FileChannel ch = FileChannel.open(URANDOM, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.wrap(out);
            while (buf.hasRemaining()) {
                if (ch.read(buf) < 0) {
                    throw new IOException("end of " + URANDOM);
                }
            }
            return;
        } catch (IOException | UnsupportedOperationException e) {
            // no /dev/urandom (Windows) or unreadable: the JVM's own source
        }
        Fallback.RANDOM.nextBytes(out);
    }

    private static final class Fallback {
        static final SecureRandom RANDOM = new SecureRandom();
    }
}
