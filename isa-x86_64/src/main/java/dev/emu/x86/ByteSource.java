package dev.emu.x86;

import dev.emu.core.mem.GuestFault;

/**
 * Where the decoder reads instruction bytes: the guest address space in the engine (one
 * {@code fetch8} per byte, so an instruction may cross a page), a byte array in unit tests.
 * A fetch fault propagates as a {@link GuestFault}.
 */
@FunctionalInterface
public interface ByteSource {
    /** The byte at {@code addr}, 0..255, checked for execute permission. */
    int byteAt(long addr);

    /** {@code code} placed at {@code base}; anything else faults as unmapped. */
    static ByteSource of(long base, byte[] code) {
        return addr -> {
            long i = addr - base;
            if (i < 0 || i >= code.length) {
                throw new GuestFault(addr, GuestFault.Access.EXECUTE, GuestFault.Reason.UNMAPPED);
            }
            return code[(int) i] & 0xFF;
        };
    }
}
