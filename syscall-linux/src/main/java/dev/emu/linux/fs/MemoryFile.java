package dev.emu.linux.fs;

import dev.emu.core.mem.Backing;
import dev.emu.linux.Errno;
import dev.emu.linux.SyscallError;

/** A read-only file whose bytes were generated at open (the /proc files). */
public final class MemoryFile extends OpenFile {
    private final byte[] data;
    private final FileStat stat;
    private long pos;

    public MemoryFile(String guestPath, int flags, byte[] data, FileStat stat) {
        super(guestPath, flags);
        this.data = data;
        this.stat = stat;
    }

    @Override
    public synchronized int read(byte[] buf, int off, int len) {
        int n = pread(pos, buf, off, len);
        pos += n;
        return n;
    }

    @Override
    public int write(byte[] buf, int off, int len) {
        throw new SyscallError(Errno.EACCES);
    }

    @Override
    public int pread(long p, byte[] buf, int off, int len) {
        if (p >= data.length) {
            return 0;
        }
        int n = (int) Math.min(len, data.length - p);
        System.arraycopy(data, (int) p, buf, off, n);
        return n;
    }

    @Override
    public synchronized long seek(long offset, int whence) {
        long base = switch (whence) {
            case 0 -> 0;
            case 1 -> pos;
            case 2 -> data.length;
            default -> throw new SyscallError(Errno.EINVAL);
        };
        if (base + offset < 0) {
            throw new SyscallError(Errno.EINVAL);
        }
        pos = base + offset;
        return pos;
    }

    @Override
    public FileStat stat() {
        return stat;
    }

    @Override
    public int available() {
        return (int) Math.max(0, data.length - pos);
    }

    @Override
    public boolean isDirectory() {
        return false;
    }

    @Override
    public Backing mapSource() {
        return Backing.ofBytes(data, guestPath);
    }
}
