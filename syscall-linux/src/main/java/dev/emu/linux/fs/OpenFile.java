package dev.emu.linux.fs;

import dev.emu.core.mem.Backing;
import dev.emu.linux.Errno;
import dev.emu.linux.SyscallError;
import dev.emu.linux.abi.OpenFlags;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An open file description: what open(2) creates and dup(2), fork and fd passing share
 * (offset, status flags). Reference-counted across fd table entries; the last close
 * releases the host resource. The defaults answer as Linux does for a file that cannot do
 * the operation.
 */
public abstract class OpenFile {
    /** DT_* values of linux_dirent64.d_type. */
    public static final int DT_UNKNOWN = 0, DT_FIFO = 1, DT_CHR = 2, DT_DIR = 4, DT_BLK = 6, DT_REG = 8,
            DT_LNK = 10, DT_SOCK = 12;

    /** One directory entry as getdents64 returns it. */
    public record DirEntry(long ino, int type, String name) {}

    private final AtomicInteger refs = new AtomicInteger(1);
    /** The guest path it was opened by (/proc/self/fd, strace). */
    protected final String guestPath;
    /** Canonical access mode and status flags (O_APPEND, O_NONBLOCK, ...). */
    protected volatile int statusFlags;

    protected OpenFile(String guestPath, int statusFlags) {
        this.guestPath = guestPath;
        this.statusFlags = statusFlags & ~(OpenFlags.O_CREAT | OpenFlags.O_EXCL | OpenFlags.O_TRUNC
                | OpenFlags.O_NOCTTY | OpenFlags.O_CLOEXEC);
    }

    public String guestPath() {
        return guestPath;
    }

    public int statusFlags() {
        return statusFlags;
    }

    public void setStatusFlags(int flags) {
        statusFlags = (statusFlags & ~OpenFlags.SETFL_MASK) | (flags & OpenFlags.SETFL_MASK);
    }

    public boolean readable() {
        int acc = statusFlags & OpenFlags.O_ACCMODE;
        return acc == OpenFlags.O_RDONLY || acc == OpenFlags.O_RDWR;
    }

    public boolean writable() {
        int acc = statusFlags & OpenFlags.O_ACCMODE;
        return acc == OpenFlags.O_WRONLY || acc == OpenFlags.O_RDWR;
    }

    public OpenFile retain() {
        refs.incrementAndGet();
        return this;
    }

    /** Drops one reference; the last one closes. */
    public void release() {
        if (refs.decrementAndGet() == 0) {
            try {
                close();
            } catch (IOException ignored) {
                // close(2) reports nothing useful for our files
            }
        }
    }

    protected void close() throws IOException {}

    public int read(byte[] buf, int off, int len) throws IOException {
        throw new SyscallError(Errno.EINVAL);
    }

    public int write(byte[] buf, int off, int len) throws IOException {
        throw new SyscallError(Errno.EINVAL);
    }

    public int pread(long pos, byte[] buf, int off, int len) throws IOException {
        throw new SyscallError(Errno.ESPIPE);
    }

    public int pwrite(long pos, byte[] buf, int off, int len) throws IOException {
        throw new SyscallError(Errno.ESPIPE);
    }

    /** lseek; whence 0 SET, 1 CUR, 2 END (3/4 DATA/HOLE treated as SET/END). */
    public long seek(long offset, int whence) throws IOException {
        throw new SyscallError(Errno.ESPIPE);
    }

    public abstract FileStat stat() throws IOException;

    /** The next batch of directory entries, or an empty list at the end; ENOTDIR for files. */
    public List<DirEntry> readDir(int max) throws IOException {
        throw new SyscallError(Errno.ENOTDIR);
    }

    /** Puts back entries getdents64 had no room for. */
    public void unreadDir(List<DirEntry> entries) {}

    public boolean isTerminal() {
        return false;
    }

    /** poll(2) event bits (asm-generic values; ABIs with others translate). */
    public static final int POLLIN = 1, POLLPRI = 2, POLLOUT = 4, POLLERR = 8, POLLHUP = 0x10, POLLNVAL = 0x20,
            POLLRDNORM = 0x40, POLLWRNORM = 0x100;

    /**
     * The poll events that hold now, of {@code events} plus POLLERR and POLLHUP, which are
     * always reported. A file that never blocks (a regular file, a device) is always ready
     * for both, as on Linux.
     */
    public int pollEvents(int events) {
        return events & (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM);
    }

    /** Whether {@link #pollEvents} can change without {@link Readiness#changed} (the host's files). */
    public boolean pollsHost() {
        return false;
    }

    /** Bytes readable without blocking (FIONREAD). */
    public int available() throws IOException {
        return 0;
    }

    public void truncate(long size) throws IOException {
        throw new SyscallError(Errno.EINVAL);
    }

    public void sync() throws IOException {}

    /** The host file behind it, for fchmod, fchdir, fstatfs; null for specials. */
    public Path hostPath() {
        return null;
    }

    public boolean isDirectory() throws IOException {
        return stat().isDirectory();
    }

    /** What mmap reads; ENODEV for files that cannot be mapped. */
    public Backing mapSource() throws IOException {
        throw new SyscallError(Errno.ENODEV);
    }
}
