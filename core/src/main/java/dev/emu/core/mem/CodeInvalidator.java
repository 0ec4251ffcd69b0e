package dev.emu.core.mem;

/**
 * Told when guest code that was translated may have changed: a store into a page marked with
 * {@link AddressSpace#markCode}, or an unmap, mprotect or mremap of such a page. Called
 * without the address space's lock held, before the store lands.
 */
@FunctionalInterface
public interface CodeInvalidator {
    /** [pageStart, pageEnd) changed; drop every translation that read from it. */
    void invalidate(long pageStart, long pageEnd);
}
