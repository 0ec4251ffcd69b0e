package dev.emu.linux.fs;

import dev.emu.linux.Errno;
import dev.emu.linux.SyscallError;
import dev.emu.linux.abi.OpenFlags;
import dev.emu.linux.abi.Structs;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * The emulator's own stdin, stdout or stderr, unbuffered, so guest output interleaves with
 * the host's exactly as the guest wrote it. Tests substitute their own streams.
 */
public final class StdStream extends OpenFile {
    private final int hostFd;
    private final InputStream in;
    private final OutputStream out;
    private final boolean tty;
    /** The same host fd as a channel, for lseek and pread when it is a regular file (a redirection). */
    private final FileChannel channel;
    private Boolean regular;
    /** Terminal settings the guest set (TCSETS); we cannot change the host's. */
    public Structs.Termios termios = Structs.Termios.defaults();

    public StdStream(int hostFd, InputStream in, OutputStream out, boolean tty) {
        super("/dev/fd/" + hostFd, in != null ? OpenFlags.O_RDWR : OpenFlags.O_WRONLY);
        this.hostFd = hostFd;
        this.in = in;
        this.out = out;
        this.tty = tty;
        this.channel = in instanceof FileInputStream fin ? fin.getChannel()
                : out instanceof FileOutputStream fout ? fout.getChannel() : null;
    }

    public static StdStream stdin() {
        return new StdStream(0, new FileInputStream(FileDescriptor.in), null, Terminal.isTerminalFd(0));
    }

    public static StdStream stdout() {
        return new StdStream(1, null, new FileOutputStream(FileDescriptor.out), Terminal.isTerminalFd(1));
    }

    public static StdStream stderr() {
        return new StdStream(2, null, new FileOutputStream(FileDescriptor.err), Terminal.isTerminalFd(2));
    }

    /** Whether the host fd is a regular file (then it seeks, as the guest's stat says it is). */
    private boolean seekable() {
        if (channel == null) {
            return false;
        }
        if (regular == null) {
            try {
                regular = stat().type() == FileStat.S_IFREG;
            } catch (IOException e) {
                regular = false;
            }
        }
        return regular;
    }

    @Override
    public long seek(long offset, int whence) throws IOException {
        if (!seekable()) {
            throw new SyscallError(Errno.ESPIPE);
        }
        long base = switch (whence) {
            case 0, 3 -> 0;
            case 1 -> channel.position();
            case 2, 4 -> channel.size();
            default -> throw new SyscallError(Errno.EINVAL);
        };
        long pos = whence == 4 ? channel.size() : base + offset;
        if (pos < 0) {
            throw new SyscallError(Errno.EINVAL);
        }
        channel.position(pos);
        return pos;
    }

    @Override
    public int pread(long pos, byte[] buf, int off, int len) throws IOException {
        if (!seekable() || in == null) {
            throw new SyscallError(seekable() ? Errno.EBADF : Errno.ESPIPE);
        }
        return Math.max(0, channel.read(ByteBuffer.wrap(buf, off, len), pos));
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        if (in == null) {
            throw new SyscallError(Errno.EBADF);
        }
        if (len == 0) {
            return 0;
        }
        if (seekable()) {
            return Math.max(in.read(buf, off, len), 0); // a file never blocks
        }
        return hostReader().read(buf, off, len, (statusFlags & OpenFlags.O_NONBLOCK) != 0);
    }

    private HostReader reader;

    private synchronized HostReader hostReader() {
        if (reader == null) {
            reader = new HostReader(in, "emu-stdin-" + hostFd);
        }
        return reader;
    }

    @Override
    public int pollEvents(int events) {
        int r = 0;
        if (in != null) {
            boolean readable;
            if (seekable()) {
                readable = true;
            } else if (tty) {
                readable = hostReader().ready();
            } else {
                readable = true; // a host pipe cannot say it is at its end without a read: that read blocks instead
            }
            r |= readable ? events & (POLLIN | POLLRDNORM) : 0;
        }
        if (out != null) {
            r |= events & (POLLOUT | POLLWRNORM);
        }
        return r;
    }

    @Override
    public boolean pollsHost() {
        return in != null && tty;
    }

    @Override
    public int write(byte[] buf, int off, int len) throws IOException {
        if (out == null) {
            throw new SyscallError(Errno.EBADF);
        }
        try {
            out.write(buf, off, len);
            out.flush();
        } catch (IOException e) {
            throw new SyscallError(Errno.EPIPE);
        }
        return len;
    }

    @Override
    public FileStat stat() throws IOException {
        Path link = Path.of("/proc/self/fd/" + hostFd);
        try {
            return HostStat.of(link, true);
        } catch (Exception e) {
            int mode = tty ? FileStat.S_IFCHR | 0620 : FileStat.S_IFIFO | 0600;
            return FileStat.synthetic(mode, 3 + hostFd, 0, tty ? FileStat.makedev(136, 0) : 0);
        }
    }

    @Override
    public boolean isTerminal() {
        return tty;
    }

    @Override
    public int available() throws IOException {
        return in == null ? 0 : seekable() ? in.available() : hostReader().available();
    }

    @Override
    public boolean isDirectory() {
        return false;
    }
}
