package dev.emu.ppc64le.lift;

import static dev.emu.ppc64le.PpcRegisters.RESERVE_ADDR;
import static dev.emu.ppc64le.PpcRegisters.RESERVE_SIZE;
import static dev.emu.ppc64le.PpcRegisters.RESERVE_VAL;

import dev.emu.core.ir.Helper;
import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.ReservedStore;
import dev.emu.core.ir.Type;
import dev.emu.core.ir.Value;
import dev.emu.ppc64le.PpcHelpers;

/**
 * Book II: load-and-reserve / store-conditional (4.4.2), memory barriers (sync, lwsync,
 * eieio, isync), and the cache management instructions a user program may issue (4.3).
 *
 * <p>Reservations work the way QEMU keeps them ({@link ReservedStore}): a load-and-reserve
 * records the address, size and value it read; a store-conditional of the same size to that
 * address succeeds by an atomic compare-and-swap from the recorded value. CR0 is 0b00 ||
 * success || XER.SO. Both need natural alignment (an alignment interrupt, SIGBUS, otherwise).
 */
public final class StorageControl {
    private StorageControl() {}

    private static final Helper CHECK_ALIGNED = Helper.of(PpcHelpers.class, "checkAligned");

    /** The cache block size Linux reports (AT_DCACHEBSIZE): dcbz clears this many bytes. */
    public static final int CACHE_BLOCK = 128;

    private static Value alignedEa(LiftContext c, Fields f, int size, boolean write) {
        Value ea = c.b.add(c.gprOrZero(f.get('a')), c.gpr(f.get('b')));
        return size == 1 ? ea : c.b.call(CHECK_ALIGNED, ea, c.c32(size), c.c32(write ? 1 : 0));
    }

    private static void loadAndReserve(LiftContext c, Fields f, int size) {
        IrBuilder b = c.b;
        Value ea = alignedEa(c, f, size, false);
        Value v = c.load(Type.I64, ea, size, false);
        b.setReg(RESERVE_ADDR, ea);
        b.setReg(RESERVE_VAL, v);
        b.setReg(RESERVE_SIZE, c.c32(size));
        c.setGpr(f.get('t'), v);
    }

    public static void lbarx(LiftContext c, Fields f) { loadAndReserve(c, f, 1); }
    public static void lharx(LiftContext c, Fields f) { loadAndReserve(c, f, 2); }
    public static void lwarx(LiftContext c, Fields f) { loadAndReserve(c, f, 4); }
    public static void ldarx(LiftContext c, Fields f) { loadAndReserve(c, f, 8); }

    private static void storeConditional(LiftContext c, Fields f, int size) {
        IrBuilder b = c.b;
        Value ea = alignedEa(c, f, size, true);
        Value value = c.gpr(f.get('t'));
        Value reserved = b.and(b.cmpEq(ea, b.getReg64(RESERVE_ADDR)), b.cmpEq(b.getReg32(RESERVE_SIZE), c.c32(size)));
        Value ok = ReservedStore.swap(b, ea, reserved, b.getReg64(RESERVE_VAL), value, size);
        b.setReg(RESERVE_ADDR, c.c64(-1));
        c.setCrField(0, b.or(b.shl(ok, c.c32(1)), c.so()));
    }

    public static void stbcx(LiftContext c, Fields f) { storeConditional(c, f, 1); }
    public static void sthcx(LiftContext c, Fields f) { storeConditional(c, f, 2); }
    public static void stwcx(LiftContext c, Fields f) { storeConditional(c, f, 4); }
    public static void stdcx(LiftContext c, Fields f) { storeConditional(c, f, 8); }

    /** sync (L=0 hwsync, 1 lwsync, 2 ptesync): a full fence is at least as strong as each. */
    public static void sync(LiftContext c, Fields f) {
        c.b.fence();
    }

    public static void eieio(LiftContext c, Fields f) {
        c.b.fence();
    }

    /**
     * isync: context synchronizing. Stores into translated code already drop its translations,
     * so ending the block is all that is left: the next instruction is fetched afresh.
     */
    public static void isync(LiftContext c, Fields f) {
        c.endBlock();
    }

    /** icbi: as isync; the store that changed the code invalidated its translations already. */
    public static void icbi(LiftContext c, Fields f) {
        c.endBlock();
    }

    /** dcbz: zeroes the 128-byte cache block holding (RA|0) + RB. */
    public static void dcbz(LiftContext c, Fields f) {
        IrBuilder b = c.b;
        Value block = b.and(b.add(c.gprOrZero(f.get('a')), c.gpr(f.get('b'))), c.c64(-CACHE_BLOCK));
        Value zero = c.c64(0);
        for (int i = 0; i < CACHE_BLOCK; i += 8) {
            c.store(c.offset(block, i), zero, 8);
        }
    }

    /** dcbt, dcbtst, dcbf, dcbst, icbt: hints and cache flushes with no effect a program can see. */
    public static void cacheHint(LiftContext c, Fields f) {
    }
}
