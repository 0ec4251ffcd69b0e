package dev.emu.linux.fs;

import dev.emu.linux.Errno;
import dev.emu.linux.SyscallError;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * An open directory. The listing (with "." and "..") is taken at open and again after a
 * rewind, the way a getdents64 loop sees a snapshot; it serves host and /proc directories.
 */
public final class DirectoryFile extends OpenFile {
    private final Supplier<List<DirEntry>> lister;
    private final StatSource stat;
    private final Path host;
    private Deque<DirEntry> pending;
    private long offset;

    /** Where the directory's own status comes from. */
    public interface StatSource {
        FileStat stat() throws IOException;
    }

    public DirectoryFile(String guestPath, int flags, Path host, StatSource stat, Supplier<List<DirEntry>> lister) {
        super(guestPath, flags);
        this.host = host;
        this.stat = stat;
        this.lister = lister;
    }

    @Override
    public synchronized List<DirEntry> readDir(int max) {
        if (pending == null) {
            pending = new ArrayDeque<>(lister.get());
            for (long i = 0; i < offset && !pending.isEmpty(); i++) {
                pending.poll();
            }
        }
        List<DirEntry> out = new ArrayList<>();
        while (out.size() < max && !pending.isEmpty()) {
            out.add(pending.poll());
        }
        offset += out.size();
        return out;
    }

    @Override
    public synchronized void unreadDir(List<DirEntry> entries) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            pending.addFirst(entries.get(i));
        }
        offset -= entries.size();
    }

    /** The d_off of the next entry: its index. */
    public synchronized long position() {
        return offset;
    }

    @Override
    public int read(byte[] buf, int off, int len) {
        throw new SyscallError(Errno.EISDIR);
    }

    @Override
    public int pread(long pos, byte[] buf, int off, int len) {
        throw new SyscallError(Errno.EISDIR);
    }

    @Override
    public int write(byte[] buf, int off, int len) {
        throw new SyscallError(Errno.EBADF);
    }

    @Override
    public synchronized long seek(long off, int whence) {
        if (whence != 0 || off < 0) {
            if (whence == 1 && off == 0) {
                return offset;
            }
            throw new SyscallError(Errno.EINVAL);
        }
        offset = off;
        pending = null;
        return off;
    }

    @Override
    public FileStat stat() throws IOException {
        return stat.stat();
    }

    @Override
    public boolean isDirectory() {
        return true;
    }

    @Override
    public Path hostPath() {
        return host;
    }
}
