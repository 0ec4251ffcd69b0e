package dev.emu.arm64.lift;

import static dev.emu.arm64.Arm64Registers.EXCL_ADDR;
import static dev.emu.arm64.Arm64Registers.EXCL_VAL;
import static dev.emu.arm64.Arm64Registers.EXCL_VAL2;

import dev.emu.arm64.Arm64Helpers;
import dev.emu.core.ir.Helper;
import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.ReservedStore;
import dev.emu.core.ir.Type;
import dev.emu.core.ir.Value;

/**
 * Loads and stores (C4.1): load/store exclusive and load-acquire/store-release, the way QEMU does them:
 * a load-exclusive records the address and the value it read; a store-exclusive to that
 * address succeeds by an atomic compare-and-swap from the recorded value, so it is atomic
 * against every other guest thread (it fails, spuriously but harmlessly, when the memory
 * changed and changed back). Byte and halfword exclusives swap the aligned word holding
 * them; a pair of doublewords goes through a helper (the JVM has no 16-byte CAS).
 * Acquire is a fence after the load, release a fence before the store.
 */
public final class LoadStoreExclusive {
    private LoadStoreExclusive() {}

    private static final Helper STORE_PAIR_64 = Helper.of(Arm64Helpers.class, "storeExclusivePair64");

    // ---- load exclusive
    private static void loadExclusive(LiftContext c, Fields f, boolean acquire) {
        IrBuilder b = c.b;
        int bytes = 1 << f.get('z');
        Value addr = c.alignedAddress(f.get('n'), bytes, false);
        Value v = c.load(Type.I64, addr, bytes, false);
        if (acquire) {
            b.fence();
        }
        b.setReg(EXCL_ADDR, addr);
        b.setReg(EXCL_VAL, v);
        c.setReg(f.get('t'), v);
    }

    public static void LDXR(LiftContext c, Fields f) { loadExclusive(c, f, false); }
    public static void LDAXR(LiftContext c, Fields f) { loadExclusive(c, f, true); }

    private static void loadExclusivePair(LiftContext c, Fields f, boolean acquire) {
        IrBuilder b = c.b;
        Value addr = c.alignedAddress(f.get('n'), f.get('z') == 0 ? 8 : 16, false);
        int t = f.get('t');
        int t2 = f.get('u');
        if (f.get('z') == 0) {
            // two words read as one doubleword, so the later swap compares both at once
            Value v = c.load(Type.I64, addr, 8, false);
            if (acquire) {
                b.fence();
            }
            b.setReg(EXCL_ADDR, addr);
            b.setReg(EXCL_VAL, v);
            c.setReg(t, b.trunc32(v));
            c.setReg(t2, b.trunc32(b.shr(v, b.c64(32))));
        } else {
            Value lo = c.load(Type.I64, addr, 8, false);
            Value hi = c.load(Type.I64, c.offset(addr, 8), 8, false);
            if (acquire) {
                b.fence();
            }
            b.setReg(EXCL_ADDR, addr);
            b.setReg(EXCL_VAL, lo);
            b.setReg(EXCL_VAL2, hi);
            c.setReg(t, lo);
            c.setReg(t2, hi);
        }
    }

    public static void LDXP(LiftContext c, Fields f) { loadExclusivePair(c, f, false); }
    public static void LDAXP(LiftContext c, Fields f) { loadExclusivePair(c, f, true); }

    // ---- store exclusive
    /**
     * Swaps {@code value} in at addr if the monitor holds addr and memory still holds the
     * recorded value; returns the status (0 stored, 1 failed) as I32. Without the monitor
     * the swap writes the value memory already holds, which changes nothing.
     */
    private static Value swapFromRecorded(LiftContext c, Value addr, Value value, int bytes) {
        IrBuilder b = c.b;
        Value monitored = b.cmpEq(addr, b.getReg64(EXCL_ADDR));
        Value ok = ReservedStore.swap(b, addr, monitored, b.getReg64(EXCL_VAL), value, bytes);
        return b.xor(ok, b.c32(1));
    }

    private static void storeExclusive(LiftContext c, Fields f, boolean release) {
        IrBuilder b = c.b;
        int bytes = 1 << f.get('z');
        Value addr = c.alignedAddress(f.get('n'), bytes, true);
        Value value = c.x(f.get('t'));
        if (release) {
            b.fence();
        }
        Value status = swapFromRecorded(c, addr, value, bytes);
        b.setReg(EXCL_ADDR, b.c64(-1));
        c.setReg(f.get('s'), status);
    }

    public static void STXR(LiftContext c, Fields f) { storeExclusive(c, f, false); }
    public static void STLXR(LiftContext c, Fields f) { storeExclusive(c, f, true); }

    private static void storeExclusivePair(LiftContext c, Fields f, boolean release) {
        IrBuilder b = c.b;
        Value addr = c.alignedAddress(f.get('n'), f.get('z') == 0 ? 8 : 16, true);
        Value lo = c.x(f.get('t'));
        Value hi = c.x(f.get('u'));
        if (release) {
            b.fence();
        }
        Value status;
        if (f.get('z') == 0) {
            Value both = b.or(b.zext64(b.trunc32(lo)), b.shl(hi, b.c64(32)));
            status = swapFromRecorded(c, addr, both, 8);
        } else {
            Value monitored = b.cmpEq(addr, b.getReg64(EXCL_ADDR));
            status = b.call(STORE_PAIR_64, monitored, addr, b.getReg64(EXCL_VAL), b.getReg64(EXCL_VAL2), lo, hi);
        }
        b.setReg(EXCL_ADDR, b.c64(-1));
        c.setReg(f.get('s'), status);
    }

    public static void STXP(LiftContext c, Fields f) { storeExclusivePair(c, f, false); }
    public static void STLXP(LiftContext c, Fields f) { storeExclusivePair(c, f, true); }

    // ---- load-acquire / store-release
    public static void LDAR(LiftContext c, Fields f) {
        int bytes = 1 << f.get('z');
        Value v = c.load(Type.I64, c.alignedAddress(f.get('n'), bytes, false), bytes, false);
        c.b.fence();
        c.setReg(f.get('t'), v);
    }

    public static void STLR(LiftContext c, Fields f) {
        Value addr = c.alignedAddress(f.get('n'), 1 << f.get('z'), true);
        Value v = c.x(f.get('t'));
        c.b.fence();
        c.store(addr, v, 1 << f.get('z'));
    }
}
