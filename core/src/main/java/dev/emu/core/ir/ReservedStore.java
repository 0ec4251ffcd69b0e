package dev.emu.core.ir;

/**
 * The store half of load-exclusive/store-exclusive (Arm) and load-and-reserve/
 * store-conditional (Power), the way QEMU does them: the load recorded the address and the
 * value it read; the store succeeds by an atomic compare-and-swap from that value, so it is
 * atomic against every other guest thread (it may succeed after the memory changed and changed
 * back, which no correct program can tell). Bytes and halfwords swap the aligned word holding
 * them. Without the reservation the swap writes back what memory holds, which changes nothing.
 */
public final class ReservedStore {
    private ReservedStore() {}

    /**
     * Swaps {@code value} (its low {@code bytes}) in at {@code addr} if {@code reserved} (I32
     * 0/1) and memory still holds {@code recorded} (the load's value, I32 or I64); returns I32 1
     * if it stored, 0 if not. {@code bytes} is 1, 2, 4 or 8; a 1- or 2-byte access must not
     * cross its aligned word (natural alignment guarantees it).
     */
    public static Value swap(IrBuilder b, Value addr, Value reserved, Value recorded, Value value, int bytes) {
        if (bytes >= 4) {
            Type t = bytes == 8 ? Type.I64 : Type.I32;
            Value expected = fit(b, recorded, t);
            Value v = fit(b, value, t);
            Value old = b.cas(addr, expected, b.select(reserved, v, expected), bytes, false);
            return b.and(reserved, b.cmpEq(old, expected));
        }
        Value word = b.and(addr, b.c64(~3L));
        Value shift = b.trunc32(b.shl(b.and(addr, b.c64(3)), b.c64(3)));
        Value lane = b.c32(bytes == 1 ? 0xFF : 0xFFFF);
        Value current = b.load(Type.I32, word, 4, false, false);
        Value others = b.and(current, b.not(b.shl(lane, shift)));
        Value expected = b.or(others, b.shl(b.and(fit(b, recorded, Type.I32), lane), shift));
        Value desired = b.or(others, b.shl(b.and(fit(b, value, Type.I32), lane), shift));
        Value old = b.cas(word, expected, b.select(reserved, desired, expected), 4, false);
        return b.and(reserved, b.cmpEq(old, expected));
    }

    private static Value fit(IrBuilder b, Value v, Type t) {
        if (v.type() == t) {
            return v;
        }
        return t == Type.I32 ? b.trunc32(v) : b.zext64(v);
    }
}
