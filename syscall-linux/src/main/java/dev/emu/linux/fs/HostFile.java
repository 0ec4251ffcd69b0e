package dev.emu.linux.fs;

import dev.emu.core.mem.Backing;
import dev.emu.linux.Errno;
import dev.emu.linux.SyscallError;
import dev.emu.linux.abi.OpenFlags;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** A regular host file (or a device the host lets us open as a channel, like /dev/tty). */
public final class HostFile extends OpenFile {
    private final Path host;
    private final FileChannel ch;
    private final boolean seekable;

    public HostFile(String guestPath, int flags, Path host, FileChannel ch, boolean seekable) {
        super(guestPath, flags);
        this.host = host;
        this.ch = ch;
        this.seekable = seekable;
    }

    @Override
    protected void close() throws IOException {
        ch.close();
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        if (!readable()) {
            throw new SyscallError(Errno.EBADF);
        }
        int n = ch.read(ByteBuffer.wrap(buf, off, len));
        return Math.max(n, 0);
    }

    @Override
    public int write(byte[] buf, int off, int len) throws IOException {
        if (!writable()) {
            throw new SyscallError(Errno.EBADF);
        }
        ByteBuffer bb = ByteBuffer.wrap(buf, off, len);
        if ((statusFlags & OpenFlags.O_APPEND) != 0 && seekable) {
            ch.position(ch.size());
        }
        int total = 0;
        while (bb.hasRemaining()) {
            total += ch.write(bb);
        }
        return total;
    }

    @Override
    public int pread(long pos, byte[] buf, int off, int len) throws IOException {
        if (!seekable) {
            throw new SyscallError(Errno.ESPIPE);
        }
        if (!readable()) {
            throw new SyscallError(Errno.EBADF);
        }
        int n = ch.read(ByteBuffer.wrap(buf, off, len), pos);
        return Math.max(n, 0);
    }

    @Override
    public int pwrite(long pos, byte[] buf, int off, int len) throws IOException {
        if (!seekable) {
            throw new SyscallError(Errno.ESPIPE);
        }
        if (!writable()) {
            throw new SyscallError(Errno.EBADF);
        }
        ByteBuffer bb = ByteBuffer.wrap(buf, off, len);
        int total = 0;
        while (bb.hasRemaining()) {
            total += ch.write(bb, pos + total);
        }
        return total;
    }

    @Override
    public long seek(long offset, int whence) throws IOException {
        if (!seekable) {
            throw new SyscallError(Errno.ESPIPE);
        }
        long base = switch (whence) {
            case 0, 3 -> 0;
            case 1 -> ch.position();
            case 2, 4 -> ch.size();
            default -> throw new SyscallError(Errno.EINVAL);
        };
        long pos = whence == 4 ? ch.size() : base + offset;
        if (pos < 0) {
            throw new SyscallError(Errno.EINVAL);
        }
        ch.position(pos);
        return pos;
    }

    @Override
    public FileStat stat() throws IOException {
        return HostStat.of(host, true);
    }

    @Override
    public int available() throws IOException {
        return seekable ? (int) Math.max(0, Math.min(Integer.MAX_VALUE, ch.size() - ch.position())) : 0;
    }

    @Override
    public void truncate(long size) throws IOException {
        if (!writable()) {
            throw new SyscallError(Errno.EINVAL);
        }
        long cur = ch.size();
        if (size < cur) {
            ch.truncate(size);
        } else if (size > cur) {
            ch.write(ByteBuffer.wrap(new byte[1]), size - 1);
        }
    }

    @Override
    public void sync() throws IOException {
        ch.force(true);
    }

    @Override
    public Path hostPath() {
        return host;
    }

    @Override
    public boolean isDirectory() {
        return false;
    }

    @Override
    public boolean isTerminal() {
        return Terminal.isTerminalPath(host);
    }

    @Override
    public Backing mapSource() throws IOException {
        if (!seekable) {
            throw new SyscallError(Errno.ENODEV);
        }
        long ino = stat().ino();
        String gp = guestPath;
        return new Backing() {
            @Override
            public long length() {
                try {
                    return ch.size();
                } catch (IOException e) {
                    return 0;
                }
            }

            @Override
            public int read(long offset, byte[] dst, int off, int len) {
                try {
                    int total = 0;
                    while (total < len) {
                        int n = ch.read(ByteBuffer.wrap(dst, off + total, len - total), offset + total);
                        if (n <= 0) {
                            break;
                        }
                        total += n;
                    }
                    return total;
                } catch (IOException e) {
                    return 0;
                }
            }

            @Override
            public String path() {
                return gp;
            }

            @Override
            public long inode() {
                return ino;
            }
        };
    }
}
