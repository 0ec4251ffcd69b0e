package dev.emu.core.mem;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bytes behind a file mapping. The address space reads a page the first time the guest
 * touches it; a page wholly beyond {@link #length()} faults with
 * {@link GuestFault.Reason#BEYOND_FILE} (SIGBUS), as on Linux, and the page that holds the
 * end of the file reads zeros past it.
 */
public interface Backing {
    /** The file's length in bytes, now. */
    long length();

    /**
     * Copies up to {@code len} bytes from file offset {@code offset} into {@code dst}; returns
     * how many it copied (fewer at end of file).
     */
    int read(long offset, byte[] dst, int off, int len);

    /**
     * For MAP_SHARED: the page-sized array every shared mapping of this file at the
     * page-aligned {@code offset} uses, so writes through one mapping show in the others
     * (the syscall layer writes it back for msync). Null means the backing cannot share; the
     * mapping then gets a private copy.
     */
    default byte[] sharedPage(long offset) {
        return null;
    }

    /** The name /proc/self/maps prints; null for none. */
    default String path() {
        return null;
    }

    default int deviceMajor() {
        return 0;
    }

    default int deviceMinor() {
        return 0;
    }

    default long inode() {
        return 0;
    }

    /** A file whose contents are {@code bytes} (not copied), shareable through a page pool. */
    static Backing ofBytes(byte[] bytes, String path) {
        return new Backing() {
            private final ConcurrentHashMap<Long, byte[]> shared = new ConcurrentHashMap<>();

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
            public byte[] sharedPage(long offset) {
                return shared.computeIfAbsent(offset, o -> {
                    byte[] page = new byte[AddressSpace.PAGE_SIZE];
                    read(o, page, 0, page.length);
                    return page;
                });
            }

            @Override
            public String path() {
                return path;
            }
        };
    }

    /**
     * What a MAP_SHARED|MAP_ANONYMOUS mapping is backed by: like Linux's shmem object, it
     * lets a forked child share pages neither side had touched at the fork.
     */
    static Backing sharedAnonymous(long length) {
        return new Backing() {
            private final ConcurrentHashMap<Long, byte[]> pages = new ConcurrentHashMap<>();

            @Override
            public long length() {
                // mremap may grow the mapping; an anonymous object has no end to fault at.
                return Long.MAX_VALUE;
            }

            @Override
            public int read(long offset, byte[] dst, int off, int len) {
                Arrays.fill(dst, off, off + len, (byte) 0);
                return len;
            }

            @Override
            public byte[] sharedPage(long offset) {
                return pages.computeIfAbsent(offset, o -> new byte[AddressSpace.PAGE_SIZE]);
            }

            @Override
            public String path() {
                return "/dev/zero (deleted)";
            }
        };
    }
}
