package dev.emu.core.mem;

/**
 * One guest page as one address space sees it. Immutable, so a thread that reads the page
 * table without the lock always sees a consistent data/permission/flag triple; a change
 * replaces the whole entry.
 */
final class Page {
    /** The data is shared (with a forked space or the zero page): copy it before a write. */
    static final int COW = 1;
    /** MAP_SHARED: writes are seen by every mapping of the same memory; fork keeps sharing. */
    static final int SHARED = 2;
    /** Holds guest code that has been translated: a write must invalidate it first. */
    static final int CODE = 4;

    /** Every untouched anonymous page reads from this array; writes copy first (COW). */
    static final byte[] ZERO = new byte[AddressSpace.PAGE_SIZE];

    final byte[] data;
    final int prot;
    final int flags;

    Page(byte[] data, int prot, int flags) {
        this.data = data;
        this.prot = prot;
        this.flags = flags;
    }

    boolean has(int flag) {
        return (flags & flag) != 0;
    }

    Page withFlags(int newFlags) {
        return newFlags == flags ? this : new Page(data, prot, newFlags);
    }

    Page withProt(int newProt) {
        return newProt == prot ? this : new Page(data, newProt, flags);
    }
}
