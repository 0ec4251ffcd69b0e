package dev.emu.arm32.lift;

import static dev.emu.arm32.Arm32Registers.EXCL_ADDR;
import static dev.emu.arm32.Arm32Registers.EXCL_VAL;

import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.ReservedStore;
import dev.emu.core.ir.Type;
import dev.emu.core.ir.Value;

/**
 * A8.8 LDREX/STREX and their byte, halfword and doubleword forms, CLREX; as the arm64 core
 * does them: a load-exclusive records the address and the value read, and a store-exclusive
 * to that address succeeds by an atomic compare-and-swap from the recorded value, so it is
 * atomic against other guest threads. Bytes and halfwords swap the aligned word around them.
 * Fields: 'n' Rn, 't' Rt, 'u' Rt2 (Thumb doubleword), 'd' Rd (status).
 */
public final class Exclusive {
    private Exclusive() {}

    public static void loadExclusive(LiftContext c, int n, int t, int t2, int bytes) {
        loadExclusive(c, n, t, t2, bytes, 0);
    }

    /** With an immediate offset added to Rn (Thumb LDREX T1). */
    public static void loadExclusive(LiftContext c, int n, int t, int t2, int bytes, long offset) {
        IrBuilder b = c.b;
        if (n == 15 || t == 15 || t2 == 15 || bytes == 8 && t == t2) {
            c.illegal();
            return;
        }
        Value base = offset == 0 ? c.reg(n) : b.add(c.reg(n), b.c32(offset));
        Value addr = c.aligned(base, bytes, false);
        Value v;
        if (bytes == 8) {
            v = c.load64(addr);
        } else {
            v = b.zext64(c.load(addr, bytes, false));
        }
        b.setReg(EXCL_ADDR, b.zext64(addr));
        b.setReg(EXCL_VAL, v);
        if (bytes == 8) {
            c.setReg(t, b.trunc32(v));
            c.setReg(t2, b.trunc32(b.shr(v, b.c64(32))));
        } else {
            c.setReg(t, b.trunc32(v));
        }
    }

    /** Status 0 if {@code value} was stored, 1 if not (I32). */
    private static Value swapFromRecorded(LiftContext c, Value addr32, Value value, int bytes) {
        IrBuilder b = c.b;
        Value addr = c.address64(addr32);
        Value monitored = b.cmpEq(addr, b.getReg64(EXCL_ADDR));
        Value ok = ReservedStore.swap(b, addr, monitored, b.getReg64(EXCL_VAL), value, bytes);
        return b.xor(ok, b.c32(1));
    }

    public static void storeExclusive(LiftContext c, int d, int n, int t, int t2, int bytes) {
        storeExclusive(c, d, n, t, t2, bytes, 0);
    }

    /** With an immediate offset added to Rn (Thumb STREX T1). */
    public static void storeExclusive(LiftContext c, int d, int n, int t, int t2, int bytes, long offset) {
        IrBuilder b = c.b;
        if (d == 15 || n == 15 || t == 15 || t2 == 15 || d == n || d == t || d == t2) {
            c.illegal();
            return;
        }
        Value base = offset == 0 ? c.reg(n) : b.add(c.reg(n), b.c32(offset));
        Value addr = c.aligned(base, bytes, true);
        Value value = bytes == 8
                ? b.or(b.zext64(c.reg(t)), b.shl(b.zext64(c.reg(t2)), b.c64(32)))
                : c.reg(t);
        Value status = swapFromRecorded(c, addr, value, bytes);
        b.setReg(EXCL_ADDR, b.c64(-1));
        c.setReg(d, status);
    }

    /**
     * Bits 9:8 of the A32 rows, which ARMv8 uses for the acquire/release forms (LDA, STL,
     * LDAEX, STLEX): the ARMv7 rows fix bits 11:8 at 1111, so this only guards the rows.
     */
    private static boolean notExclusive(LiftContext c, Fields f) {
        if ((f.word() >>> 9 & 1) == 0) {
            c.illegal();
            return true;
        }
        return false;
    }

    // A32 rows: Rt2 is Rt + 1 for the doubleword forms, and Rt must be even.
    private static void a32Load(LiftContext c, Fields f, int bytes) {
        int t = f.get('t');
        if (notExclusive(c, f)) {
            return;
        }
        if (bytes == 8 && ((t & 1) != 0 || t == 14)) {
            c.illegal();
            return;
        }
        loadExclusive(c, f.get('n'), t, bytes == 8 ? t + 1 : 0, bytes);
    }

    private static void a32Store(LiftContext c, Fields f, int bytes) {
        int t = f.get('t');
        if (notExclusive(c, f)) {
            return;
        }
        if (bytes == 8 && ((t & 1) != 0 || t == 14)) {
            c.illegal();
            return;
        }
        storeExclusive(c, f.get('d'), f.get('n'), t, bytes == 8 ? t + 1 : t, bytes);
    }

    public static void LDREX(LiftContext c, Fields f) { a32Load(c, f, 4); }
    public static void LDREXB(LiftContext c, Fields f) { a32Load(c, f, 1); }
    public static void LDREXH(LiftContext c, Fields f) { a32Load(c, f, 2); }
    public static void LDREXD(LiftContext c, Fields f) { a32Load(c, f, 8); }
    public static void STREX(LiftContext c, Fields f) { a32Store(c, f, 4); }
    public static void STREXB(LiftContext c, Fields f) { a32Store(c, f, 1); }
    public static void STREXH(LiftContext c, Fields f) { a32Store(c, f, 2); }
    public static void STREXD(LiftContext c, Fields f) { a32Store(c, f, 8); }

    /** CLREX (A8.8 CLREX). */
    public static void CLREX(LiftContext c, Fields f) {
        c.b.setReg(EXCL_ADDR, c.b.c64(-1));
    }
}
