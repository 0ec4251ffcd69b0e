package dev.emu.linux.fs;

import dev.emu.linux.Errno;
import dev.emu.linux.LinuxThread;
import dev.emu.linux.SyscallError;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a host stream that can block (a terminal, a pipe) so that a guest signal can
 * interrupt the read: when nothing is buffered, one host read runs on a helper thread while
 * the guest thread waits on this object; a signal ends the wait with EINTR and whatever that
 * host read brings back is kept for the next guest read, never lost. At most one host read
 * is outstanding, so the emulator never takes more input than a guest asked for.
 */
final class HostReader {
    private final InputStream in;
    private final String name;
    private byte[] buffered = new byte[0];
    private int pos;
    private boolean eof;
    private IOException error;
    private boolean busy;

    HostReader(InputStream in, String name) {
        this.in = in;
        this.name = name;
    }

    synchronized int read(byte[] buf, int off, int len, boolean nonblock) throws IOException {
        while (true) {
            if (pos < buffered.length) {
                int n = Math.min(len, buffered.length - pos);
                System.arraycopy(buffered, pos, buf, off, n);
                pos += n;
                return n;
            }
            if (eof) {
                eof = false; // a terminal can deliver more after an end of file (^D)
                return 0;
            }
            if (error != null) {
                IOException e = error;
                error = null;
                throw e;
            }
            if (!busy) {
                int direct = directlyAvailable();
                if (direct > 0) {
                    int n = in.read(buf, off, Math.min(len, direct));
                    return Math.max(n, 0);
                }
                if (nonblock) {
                    throw new SyscallError(Errno.EAGAIN);
                }
                start(len);
            } else if (nonblock) {
                throw new SyscallError(Errno.EAGAIN);
            }
            LinuxThread.sleepCurrent(this, 1000);
        }
    }

    private int directlyAvailable() {
        try {
            return in.available();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Whether a read would return at once. */
    synchronized boolean ready() {
        return pos < buffered.length || eof || error != null || !busy && directlyAvailable() > 0;
    }

    synchronized int available() {
        return buffered.length - pos + (busy ? 0 : directlyAvailable());
    }

    private void start(int len) {
        busy = true;
        Thread t = new Thread(() -> {
            byte[] b = new byte[Math.max(1, Math.min(len, 65536))];
            int n;
            IOException failure = null;
            try {
                n = in.read(b, 0, b.length);
            } catch (IOException e) {
                n = 0;
                failure = e;
            }
            synchronized (this) {
                busy = false;
                if (failure != null) {
                    error = failure;
                } else if (n <= 0) {
                    eof = true;
                } else {
                    buffered = java.util.Arrays.copyOf(b, n);
                    pos = 0;
                }
                notifyAll();
            }
            Readiness.changed();
        }, name);
        t.setDaemon(true);
        t.start();
    }
}
