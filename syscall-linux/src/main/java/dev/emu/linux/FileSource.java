package dev.emu.linux;

/** The bytes behind a file mapping, as the Linux layer hands them to guest memory. */
public interface FileSource {
    long length();

    /** Copies up to len bytes from file offset {@code offset}; returns how many (fewer at EOF). */
    int read(long offset, byte[] dst, int off, int len);

    /** The path /proc/self/maps shows. */
    String path();

    default long inode() {
        return 0;
    }

    static FileSource ofBytes(byte[] bytes, String path) {
        return new FileSource() {
            @Override
            public long length() {
                return bytes.length;
            }

            @Override
            public int read(long offset, byte[] dst, int off, int len) {
                if (offset >= bytes.length) {
                    return 0;
                }
                int n = (int) Math.min(len, bytes.length - offset);
                System.arraycopy(bytes, (int) offset, dst, off, n);
                return n;
            }

            @Override
            public String path() {
                return path;
            }
        };
    }
}
