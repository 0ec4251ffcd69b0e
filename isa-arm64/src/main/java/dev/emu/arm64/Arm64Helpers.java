package dev.emu.arm64;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.mem.AddressSpace;

/**
 * Static helpers the A64 lifters call for what IR should not spell out. Shared by the
 * interpreter and generated code (one invokestatic each).
 */
public final class Arm64Helpers {
    private Arm64Helpers() {}

    /**
     * The generic timer's frequency, as CNTFRQ_EL0 reports it: 62.5 MHz, QEMU's choice
     * (one tick per 16 ns), so guests that print timer-derived numbers match it.
     */
    public static final long CNTFRQ_HZ = 62_500_000L;

    /** CNTVCT_EL0: the virtual count, from the host's monotonic clock at {@link #CNTFRQ_HZ}. */
    public static long cntvct() {
        return System.nanoTime() / 16;
    }

    /**
     * {@code addr} if it is a multiple of {@code size}; otherwise the alignment fault Linux
     * turns into SIGBUS. Exclusives, acquire/release and atomics require natural alignment
     * (this core has no FEAT_LSE2). Returning the address keeps the check ahead of the access
     * that uses it.
     */
    public static long checkAligned(long addr, int size, int write) {
        if ((addr & (size - 1)) != 0) {
            throw new dev.emu.core.mem.GuestFault(addr, write != 0 ? dev.emu.core.mem.GuestFault.Access.WRITE
                    : dev.emu.core.mem.GuestFault.Access.READ, dev.emu.core.mem.GuestFault.Reason.ALIGNMENT);
        }
        return addr;
    }

    public static long rbit64(long v) {
        return Long.reverse(v);
    }

    public static int rbit32(int v) {
        return Integer.reverse(v);
    }

    private static final int[] CRC32_TABLE = table(0xEDB8_8320);
    private static final int[] CRC32C_TABLE = table(0x82F6_3B78);

    private static int[] table(int poly) {
        int[] t = new int[256];
        for (int i = 0; i < 256; i++) {
            int c = i;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ poly : c >>> 1;
            }
            t[i] = c;
        }
        return t;
    }

    private static int crc(int[] table, int acc, long data, int bytes) {
        for (int i = 0; i < bytes; i++) {
            acc = table[(acc ^ (int) (data >>> (8 * i))) & 0xFF] ^ (acc >>> 8);
        }
        return acc;
    }

    /** CRC32{B,H,W,X}: the reflected CRC-32 (polynomial 0x04C11DB7) of the low {@code bytes} of data. */
    public static int crc32(int acc, long data, int bytes) {
        return crc(CRC32_TABLE, acc, data, bytes);
    }

    /** CRC32C{B,H,W,X}: as {@link #crc32} with the Castagnoli polynomial 0x1EDC6F41. */
    public static int crc32c(int acc, long data, int bytes) {
        return crc(CRC32C_TABLE, acc, data, bytes);
    }

    private static final Object PAIR_LOCK = new Object();

    /**
     * STXP of two doublewords: 1 (failed) unless {@code monitored} and the 16 bytes at addr
     * still hold (expLo, expHi), in which case they become (lo, hi) and the result is 0.
     * The JVM has no 16-byte compare-and-swap, so the check and the two stores happen under
     * one lock: atomic against other 16-byte exclusives, not against plain stores.
     */
    public static int storeExclusivePair64(CpuState s, int monitored, long addr, long expLo, long expHi,
                                           long lo, long hi) {
        if ((addr & 15) != 0) {
            throw new dev.emu.core.mem.GuestFault(addr, dev.emu.core.mem.GuestFault.Access.WRITE,
                    dev.emu.core.mem.GuestFault.Reason.ALIGNMENT);
        }
        AddressSpace m = s.mem;
        synchronized (PAIR_LOCK) {
            long curLo = m.ld64le(addr);
            long curHi = m.ld64le(addr + 8);
            if (monitored == 0 || curLo != expLo || curHi != expHi) {
                return 1;
            }
            m.st64le(addr, lo);
            m.st64le(addr + 8, hi);
            AddressSpace.fence();
            return 0;
        }
    }

    /**
     * CASP of two doublewords: compares the 16 bytes at addr with (expLo, expHi), stores
     * (lo, hi) if equal, and writes the old 16 bytes to X[rs] and X[rs+1] (X31 being XZR).
     * Under the same lock as {@link #storeExclusivePair64}, for the same reason.
     */
    public static void compareAndSwapPair64(CpuState s, int rs, long addr, long expLo, long expHi,
                                            long lo, long hi) {
        if ((addr & 15) != 0) {
            throw new dev.emu.core.mem.GuestFault(addr, dev.emu.core.mem.GuestFault.Access.WRITE,
                    dev.emu.core.mem.GuestFault.Reason.ALIGNMENT);
        }
        AddressSpace m = s.mem;
        long oldLo;
        long oldHi;
        synchronized (PAIR_LOCK) {
            oldLo = m.ld64le(addr);
            oldHi = m.ld64le(addr + 8);
            if (oldLo == expLo && oldHi == expHi) {
                m.st64le(addr, lo);
                m.st64le(addr + 8, hi);
            }
            AddressSpace.fence();
        }
        s.regs[Arm64Registers.X0 + rs] = oldLo;
        if (rs + 1 != 31) {
            s.regs[Arm64Registers.X0 + rs + 1] = oldHi;
        }
    }
}
