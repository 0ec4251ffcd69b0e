package dev.emu.linux.fs;

import dev.emu.linux.Errno;
import dev.emu.linux.SyscallError;
import dev.emu.linux.abi.OpenFlags;

import java.io.IOException;

/**
 * A pipe inside the emulator: a 64 KiB ring buffer with a read end and a write end, each an
 * {@link OpenFile}. Reads block until data or end of file (no writers left); writes block
 * while full and fail with EPIPE once no reader is left. O_NONBLOCK gives EAGAIN instead.
 */
public final class Pipe {
    static final int CAPACITY = 65536;
    private final byte[] buf = new byte[CAPACITY];
    private int head;
    private int count;
    private int readers = 1;
    private int writers = 1;
    private final long ino;
    private static long nextIno = 0x7000;

    public final OpenFile readEnd;
    public final OpenFile writeEnd;

    public Pipe(int flags) {
        synchronized (Pipe.class) {
            ino = nextIno++;
        }
        int f = flags & OpenFlags.O_NONBLOCK;
        readEnd = new End("pipe:[" + ino + "]", OpenFlags.O_RDONLY | f, true);
        writeEnd = new End("pipe:[" + ino + "]", OpenFlags.O_WRONLY | f, false);
    }

    private final class End extends OpenFile {
        private final boolean reader;

        End(String name, int flags, boolean reader) {
            super(name, flags);
            this.reader = reader;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (!reader) {
                throw new SyscallError(Errno.EBADF);
            }
            return pipeRead(b, off, len, (statusFlags & OpenFlags.O_NONBLOCK) != 0);
        }

        @Override
        public int write(byte[] b, int off, int len) throws IOException {
            if (reader) {
                throw new SyscallError(Errno.EBADF);
            }
            return pipeWrite(b, off, len, (statusFlags & OpenFlags.O_NONBLOCK) != 0);
        }

        @Override
        protected void close() {
            synchronized (Pipe.this) {
                if (reader) {
                    readers--;
                } else {
                    writers--;
                }
                Pipe.this.notifyAll();
                Readiness.changed();
            }
        }

        @Override
        public FileStat stat() {
            return FileStat.synthetic(FileStat.S_IFIFO | 0600, ino, 0, 0);
        }

        @Override
        public int pollEvents(int events) {
            synchronized (Pipe.this) {
                int r = 0;
                if (reader) {
                    r |= count > 0 ? events & (POLLIN | POLLRDNORM) : 0;
                    r |= writers == 0 ? POLLHUP : 0;
                } else {
                    r |= count < CAPACITY ? events & (POLLOUT | POLLWRNORM) : 0;
                    r |= readers == 0 ? POLLERR : 0;
                }
                return r;
            }
        }

        @Override
        public int available() {
            synchronized (Pipe.this) {
                return count;
            }
        }

        @Override
        public boolean isDirectory() {
            return false;
        }
    }

    synchronized int pipeRead(byte[] b, int off, int len, boolean nonblock) {
        if (len == 0) {
            return 0;
        }
        while (count == 0) {
            if (writers == 0) {
                return 0;
            }
            if (nonblock) {
                throw new SyscallError(Errno.EAGAIN);
            }
            waitInterruptibly();
        }
        int n = Math.min(len, count);
        for (int i = 0; i < n; i++) {
            b[off + i] = buf[(head + i) % CAPACITY];
        }
        head = (head + n) % CAPACITY;
        count -= n;
        notifyAll();
        Readiness.changed();
        return n;
    }

    synchronized int pipeWrite(byte[] b, int off, int len, boolean nonblock) {
        int done = 0;
        while (done < len) {
            if (readers == 0) {
                if (done > 0) {
                    return done;
                }
                throw new SyscallError(Errno.EPIPE);
            }
            if (count == CAPACITY) {
                if (nonblock) {
                    if (done > 0) {
                        return done;
                    }
                    throw new SyscallError(Errno.EAGAIN);
                }
                try {
                    waitInterruptibly();
                } catch (SyscallError e) {
                    if (done > 0) {
                        return done; // a signal after part of the data: the part written counts
                    }
                    throw e;
                }
                continue;
            }
            int n = Math.min(len - done, CAPACITY - count);
            for (int i = 0; i < n; i++) {
                buf[(head + count + i) % CAPACITY] = b[off + done + i];
            }
            count += n;
            done += n;
            notifyAll();
            Readiness.changed();
        }
        return done;
    }

    /** Sleeps until the other end acts or a signal arrives (EINTR). */
    private void waitInterruptibly() {
        dev.emu.linux.LinuxThread.sleepCurrent(this, 1000);
    }
}
