package dev.emu.linux;

import dev.emu.core.mem.AddressSpace;

/**
 * What the Linux layer needs of a process's guest memory: permission-checked copies for
 * syscall buffers (a bad address throws {@link dev.emu.core.mem.GuestFault}), unchecked
 * copies for the loader, and Linux-style mapping calls that return an address or a negated
 * errno. {@link AddressSpaceMemory} puts it over the core's {@link AddressSpace}.
 */
public interface GuestMemory {
    /** The core address space behind this memory (what the engine runs on), or null. */
    AddressSpace space();

    void read(long addr, byte[] dst, int off, int len);

    void write(long addr, byte[] src, int off, int len);

    /** Ignores page permissions (the pages must be mapped). */
    void peek(long addr, byte[] dst, int off, int len);

    void poke(long addr, byte[] src, int off, int len);

    /** mmap with the asm-generic flag values; {@code file} null for anonymous memory. */
    long mmap(long hint, long len, int prot, int flags, FileSource file, long offset);

    long munmap(long addr, long len);

    long mprotect(long addr, long len, int prot);

    long mremap(long oldAddr, long oldLen, long newLen, int flags, long newAddr);

    /** /proc/self/maps text. */
    String procMaps();

    /** Whether [addr, addr+len) is wholly free (no mapping overlaps it). */
    boolean isFree(long addr, long len);
}
