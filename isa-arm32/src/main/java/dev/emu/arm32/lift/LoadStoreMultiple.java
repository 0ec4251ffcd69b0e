package dev.emu.arm32.lift;

import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Value;

/**
 * A5.5 Branch, branch with link, and block data transfer: LDM/STM in the four addressing
 * modes (IA, IB, DA, DB) with optional writeback; PUSH and POP are STMDB SP! and LDMIA SP!.
 * The lowest-numbered register goes to the lowest address. A load of the PC interworks
 * (LoadWritePC) and happens last, after writeback.
 */
public final class LoadStoreMultiple {
    private LoadStoreMultiple() {}

    /**
     * Transfers the registers in {@code list} from/to memory at R<n>: {@code increment}
     * chooses IA/IB against DA/DB, {@code before} IB/DB against IA/DA.
     */
    public static void transfer(LiftContext c, boolean load, int n, int list, boolean increment, boolean before,
                                boolean wback) {
        IrBuilder b = c.b;
        int count = Integer.bitCount(list);
        if (n == 15 || list == 0) {
            c.illegal();
            return;
        }
        Value rn = c.reg(n);
        long startOffset = increment ? (before ? 4 : 0) : (before ? -4L * count : -4L * count + 4);
        Value start = c.aligned(startOffset == 0 ? rn : b.add(rn, b.c32(startOffset)), 4, !load);
        Value newBase = b.add(rn, b.c32(increment ? 4L * count : -4L * count));
        if (load) {
            Value[] loaded = new Value[16];
            int k = 0;
            for (int r = 0; r < 16; r++) {
                if ((list & (1 << r)) != 0) {
                    Value addr = k == 0 ? start : b.add(start, b.c32(4L * k));
                    loaded[r] = c.load(addr, 4, false);
                    k++;
                }
            }
            // with the base in the list the loaded value wins (writeback is UNPREDICTABLE then)
            if (wback && (list & (1 << n)) == 0) {
                c.setReg(n, newBase);
            }
            for (int r = 0; r < 15; r++) {
                if (loaded[r] != null) {
                    c.setReg(r, loaded[r]);
                }
            }
            if (loaded[15] != null) {
                c.loadWritePc(loaded[15]);
            }
        } else {
            int k = 0;
            for (int r = 0; r < 16; r++) {
                if ((list & (1 << r)) != 0) {
                    Value addr = k == 0 ? start : b.add(start, b.c32(4L * k));
                    c.store(addr, r == n ? rn : c.reg(r), 4);
                    k++;
                }
            }
            if (wback) {
                c.setReg(n, newBase);
            }
        }
    }

    // A32 rows: 'n' Rn, 'w' writeback, 'r' register list.
    private static void a32(LiftContext c, Fields f, boolean load, boolean increment, boolean before) {
        transfer(c, load, f.get('n'), f.get('r'), increment, before, f.get('w') == 1);
    }

    public static void STMDA(LiftContext c, Fields f) { a32(c, f, false, false, false); }
    public static void LDMDA(LiftContext c, Fields f) { a32(c, f, true, false, false); }
    public static void STM(LiftContext c, Fields f) { a32(c, f, false, true, false); }
    public static void LDM(LiftContext c, Fields f) { a32(c, f, true, true, false); }
    public static void STMDB(LiftContext c, Fields f) { a32(c, f, false, false, true); }
    public static void LDMDB(LiftContext c, Fields f) { a32(c, f, true, false, true); }
    public static void STMIB(LiftContext c, Fields f) { a32(c, f, false, true, true); }
    public static void LDMIB(LiftContext c, Fields f) { a32(c, f, true, true, true); }
}
