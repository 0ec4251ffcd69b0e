package dev.emu.core.mem;

/**
 * A software TLB slot. Immutable so that a racing reader can never pair one page's tag with
 * another page's data: the slot is replaced as a whole.
 */
final class TlbEntry {
    /** A page number no address can produce (they are below 2^52), so it never hits. */
    static final TlbEntry EMPTY = new TlbEntry(-1L, null);

    final long page;
    final byte[] data;

    TlbEntry(long page, byte[] data) {
        this.page = page;
        this.data = data;
    }

    /** The data if this slot holds the page of {@code last}, else null. */
    byte[] dataIf(long last) {
        return page == last >>> AddressSpace.PAGE_SHIFT ? data : null;
    }
}
