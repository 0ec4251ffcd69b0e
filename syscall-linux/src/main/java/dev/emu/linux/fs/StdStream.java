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
    /** Terminal settings the guest set (TCSETS); we cannot change the host's. */
    public Structs.Termios termios = Structs.Termios.defaults();

    public StdStream(int hostFd, InputStream in, OutputStream out, boolean tty) {
        super("/dev/fd/" + hostFd, in != null ? OpenFlags.O_RDWR : OpenFlags.O_WRONLY);
        this.hostFd = hostFd;
        this.in = in;
        this.out = out;
        this.tty = tty;
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

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        if (in == null) {
            throw new SyscallError(Errno.EBADF);
        }
        if (len == 0) {
            return 0;
        }
        int n = in.read(buf, off, len);
        return Math.max(n, 0);
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
        return in == null ? 0 : in.available();
    }

    @Override
    public boolean isDirectory() {
        return false;
    }
}
