package dev.emu.arm32;

/**
 * Where the lifter reads instructions from: the guest address space in the engine, a plain
 * array in unit tests. A fault reading code propagates as a GuestFault.
 */
public interface CodeSource {
    /** The little-endian 32-bit word at {@code pc} (A32). */
    int fetch32(long pc);

    /** The little-endian halfword at {@code pc} (Thumb), zero-extended. */
    int fetch16(long pc);

    static CodeSource of(dev.emu.core.mem.AddressSpace mem) {
        return new CodeSource() {
            @Override
            public int fetch32(long pc) {
                return mem.fetch32le(pc);
            }

            @Override
            public int fetch16(long pc) {
                return mem.fetch16le(pc) & 0xFFFF;
            }
        };
    }

    /** {@code bytes} placed at {@code base}; anything else faults as unmapped. */
    static CodeSource of(long base, byte[] bytes) {
        return new CodeSource() {
            private int at(long pc, int size) {
                long i = pc - base;
                if (pc < base || i + size > bytes.length) {
                    throw new dev.emu.core.mem.GuestFault(pc, dev.emu.core.mem.GuestFault.Access.EXECUTE,
                            dev.emu.core.mem.GuestFault.Reason.UNMAPPED);
                }
                int v = 0;
                for (int k = size - 1; k >= 0; k--) {
                    v = v << 8 | (bytes[(int) i + k] & 0xFF);
                }
                return v;
            }

            @Override
            public int fetch32(long pc) {
                return at(pc, 4);
            }

            @Override
            public int fetch16(long pc) {
                return at(pc, 2);
            }
        };
    }
}
