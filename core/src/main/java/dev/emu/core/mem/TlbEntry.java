package dev.emu.core.mem;

/**
 * A software TLB slot. Immutable so that a racing reader can never pair one page's tag with
 * another page's data: the slot is replaced as a whole.
 *
 * <p>Public only for generated code, which reads the TLB arrays of {@link AddressSpace}
 * ({@link AddressSpace#readTlb}, {@link AddressSpace#writeTlb}) and these fields in its own
 * bytecode, so that a hit costs no call however large the generated method is.
 */
public final class TlbEntry {
    /** A page number no address can produce (they are below 2^52), so it never hits. */
    static final TlbEntry EMPTY = new TlbEntry(-1L, null);

    /** The guest page number (address >>> {@link AddressSpace#PAGE_SHIFT}) this slot holds. */
    public final long page;
    /** That page's data, indexed by {@code address & }{@link AddressSpace#PAGE_MASK}; null in an empty slot. */
    public final byte[] data;

    TlbEntry(long page, byte[] data) {
        this.page = page;
        this.data = data;
    }

    /** The data if this slot holds the page of {@code last}, else null. */
    byte[] dataIf(long last) {
        return page == last >>> AddressSpace.PAGE_SHIFT ? data : null;
    }
}
