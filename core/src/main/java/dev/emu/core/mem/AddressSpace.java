package dev.emu.core.mem;

/**
 * SKELETON: the public API of guest memory. The implementation is being written; the
 * signatures below are the contract for the interpreter, the JIT and the OS layer.
 *
 * <p>One per guest process. 4 KiB pages of {@code byte[]}; typed access of 1/2/4/8 bytes in
 * either byte order; accesses that cross a page boundary work (slow path). A bad access
 * throws {@link GuestFault}, never another exception.
 */
public final class AddressSpace {
    public static final int PAGE_SHIFT = 12;
    public static final int PAGE_SIZE = 1 << PAGE_SHIFT;
    public static final long PAGE_MASK = PAGE_SIZE - 1;

    /**
     * @param addressBits 32 for a 32-bit guest (all 4 GiB usable), 64 for a 64-bit guest
     *                    (every address below 2^48 usable)
     */
    public AddressSpace(int addressBits) {
        throw new UnsupportedOperationException("TODO");
    }

    // ---------------------------------------------------------------- typed access (hot)
    /** Zero-extended byte. */
    public int ld8(long addr) { throw new UnsupportedOperationException(); }
    public int ld16le(long addr) { throw new UnsupportedOperationException(); }
    public int ld16be(long addr) { throw new UnsupportedOperationException(); }
    public int ld32le(long addr) { throw new UnsupportedOperationException(); }
    public int ld32be(long addr) { throw new UnsupportedOperationException(); }
    public long ld64le(long addr) { throw new UnsupportedOperationException(); }
    public long ld64be(long addr) { throw new UnsupportedOperationException(); }
    public void st8(long addr, int v) { throw new UnsupportedOperationException(); }
    public void st16le(long addr, int v) { throw new UnsupportedOperationException(); }
    public void st16be(long addr, int v) { throw new UnsupportedOperationException(); }
    public void st32le(long addr, int v) { throw new UnsupportedOperationException(); }
    public void st32be(long addr, int v) { throw new UnsupportedOperationException(); }
    public void st64le(long addr, long v) { throw new UnsupportedOperationException(); }
    public void st64be(long addr, long v) { throw new UnsupportedOperationException(); }
    /** Atomic compare-and-swap; returns the old value. Misaligned: GuestFault ALIGNMENT. */
    public int cas32le(long addr, int expected, int value) { throw new UnsupportedOperationException(); }
    public int cas32be(long addr, int expected, int value) { throw new UnsupportedOperationException(); }
    public long cas64le(long addr, long expected, long value) { throw new UnsupportedOperationException(); }
    public long cas64be(long addr, long expected, long value) { throw new UnsupportedOperationException(); }
    /** Marks [start, end) as holding translated code (its stores then invalidate it). */
    public void markCode(long start, long end) { throw new UnsupportedOperationException(); }
    public void map(long addr, long len, int prot) { throw new UnsupportedOperationException(); }
    public void unmap(long addr, long len) { throw new UnsupportedOperationException(); }
    public void protect(long addr, long len, int prot) { throw new UnsupportedOperationException(); }
    public void peek(long addr, byte[] dst, int off, int len) { throw new UnsupportedOperationException(); }
    public void poke(long addr, byte[] src, int off, int len) { throw new UnsupportedOperationException(); }
    public interface CodeInvalidator { void invalidate(long start, long end); }
    public void setCodeInvalidator(CodeInvalidator c) { throw new UnsupportedOperationException(); }
    public int fetch32le(long addr) { throw new UnsupportedOperationException(); }
    /** Full fence. */
    public static void fence() { java.lang.invoke.VarHandle.fullFence(); }
}
