package dev.emu.linux.fs;

import java.io.IOException;
import java.util.Arrays;

/** /dev/null, /dev/zero, /dev/urandom and /dev/random, served without the host. */
public final class DeviceFile extends OpenFile {
    public enum Kind {
        NULL(3), ZERO(5), URANDOM(9), RANDOM(8);

        final int minor;

        Kind(int minor) {
            this.minor = minor;
        }
    }

    private final Kind kind;

    public DeviceFile(String guestPath, int flags, Kind kind) {
        super(guestPath, flags);
        this.kind = kind;
    }

    public static FileStat statOf(Kind kind) {
        return FileStat.synthetic(FileStat.S_IFCHR | 0666, 4 + kind.minor, 0, FileStat.makedev(1, kind.minor));
    }

    @Override
    public int read(byte[] buf, int off, int len) {
        switch (kind) {
            case NULL:
                return 0;
            case ZERO:
                Arrays.fill(buf, off, off + len, (byte) 0);
                return len;
            default:
                byte[] r = new byte[len];
                HostRandom.nextBytes(r);
                System.arraycopy(r, 0, buf, off, len);
                return len;
        }
    }

    @Override
    public int write(byte[] buf, int off, int len) {
        return len;
    }

    @Override
    public int pread(long pos, byte[] buf, int off, int len) {
        return read(buf, off, len);
    }

    @Override
    public int pwrite(long pos, byte[] buf, int off, int len) {
        return len;
    }

    @Override
    public long seek(long offset, int whence) {
        return 0;
    }

    @Override
    public FileStat stat() throws IOException {
        return statOf(kind);
    }

    @Override
    public boolean isDirectory() {
        return false;
    }
}
