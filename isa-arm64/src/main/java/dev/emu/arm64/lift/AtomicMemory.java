package dev.emu.arm64.lift;

import dev.emu.arm64.Arm64Helpers;
import dev.emu.core.ir.Helper;
import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Type;
import dev.emu.core.ir.Value;

/**
 * Loads and stores (C4.1): atomic memory operations and compare-and-swap (FEAT_LSE): LDADD, LDCLR, LDEOR,
 * LDSET, LDSMAX, LDSMIN, LDUMAX, LDUMIN, SWP (and their ST* aliases), CAS and CASP.
 *
 * <p>The IR has no backward branches, so a read-modify-write is one attempt: load, compute,
 * compare-and-swap from the value loaded; if another thread got in between, the block
 * exits to this same instruction, which then runs again from the start (no register of
 * it has been written yet). Bytes and halfwords swap the aligned word that holds them.
 * Acquire is a fence after the access, release a fence before; the swap itself is already
 * a full barrier.
 */
public final class AtomicMemory {
    private AtomicMemory() {}

    private static final Helper CAS_PAIR_64 = Helper.of(Arm64Helpers.class, "compareAndSwapPair64");

    private enum RmwOp { ADD, CLR, EOR, SET, SMAX, SMIN, UMAX, UMIN, SWP }

    /** The new memory value from the old one (both zero-extended lanes of {@code bytes}). */
    private static Value combine(IrBuilder b, RmwOp op, Value old, Value operand, int bytes) {
        return switch (op) {
            case ADD -> b.add(old, operand);
            case CLR -> b.and(old, b.not(operand));
            case EOR -> b.xor(old, operand);
            case SET -> b.or(old, operand);
            case SWP -> operand;
            case SMAX, SMIN -> {
                Value so = bytes < 4 ? b.sext(old, bytes * 8, old.type()) : old;
                Value sv = bytes < 4 ? b.sext(operand, bytes * 8, old.type()) : operand;
                Value less = b.cmpLts(so, sv);
                yield op == RmwOp.SMAX ? b.select(less, operand, old) : b.select(less, old, operand);
            }
            case UMAX, UMIN -> {
                Value less = b.cmpLtu(old, operand);
                yield op == RmwOp.UMAX ? b.select(less, operand, old) : b.select(less, old, operand);
            }
        };
    }

    private static void readModifyWrite(LiftContext c, Fields f, RmwOp op) {
        IrBuilder b = c.b;
        int bytes = 1 << f.get('z');
        boolean acquire = f.get('a') != 0;
        boolean release = f.get('r') != 0;
        Value addr = c.alignedAddress(f.get('n'), bytes, true);
        Value retry = b.c64(c.pc());
        if (release) {
            b.fence();
        }
        Value old;
        if (bytes >= 4) {
            Type t = bytes == 8 ? Type.I64 : Type.I32;
            Value operand = c.reg(bytes == 8 ? 1 : 0, f.get('s'));
            old = c.load(t, addr, bytes, false);
            Value got = b.cas(addr, old, combine(b, op, old, operand, bytes), bytes, false);
            b.exitIf(b.cmpNe(got, old), retry);
        } else {
            Lane lane = Lane.of(c, addr, bytes);
            Value operand = b.and(c.reg(0, f.get('s')), lane.mask);
            Value current = c.load(Type.I32, lane.word, 4, false);
            old = lane.extract(b, current);
            Value desired = lane.insert(b, current, b.and(combine(b, op, old, operand, bytes), lane.mask));
            Value got = b.cas(lane.word, current, desired, 4, false);
            b.exitIf(b.cmpNe(got, current), retry);
        }
        if (acquire) {
            b.fence();
        }
        c.setReg(f.get('t'), old);
    }

    /** A byte or halfword inside its aligned 32-bit word. */
    private record Lane(Value word, Value shift, Value mask) {
        static Lane of(LiftContext c, Value addr, int bytes) {
            IrBuilder b = c.b;
            Value word = b.and(addr, b.c64(~3L));
            Value shift = b.trunc32(b.shl(b.and(addr, b.c64(3)), b.c64(3)));
            return new Lane(word, shift, b.c32(bytes == 1 ? 0xFF : 0xFFFF));
        }

        Value extract(IrBuilder b, Value word32) {
            return b.and(b.shr(word32, shift), mask);
        }

        Value insert(IrBuilder b, Value word32, Value lane) {
            return b.or(b.and(word32, b.not(b.shl(mask, shift))), b.shl(lane, shift));
        }
    }

    public static void LDADD(LiftContext c, Fields f) { readModifyWrite(c, f, RmwOp.ADD); }
    public static void LDCLR(LiftContext c, Fields f) { readModifyWrite(c, f, RmwOp.CLR); }
    public static void LDEOR(LiftContext c, Fields f) { readModifyWrite(c, f, RmwOp.EOR); }
    public static void LDSET(LiftContext c, Fields f) { readModifyWrite(c, f, RmwOp.SET); }
    public static void LDSMAX(LiftContext c, Fields f) { readModifyWrite(c, f, RmwOp.SMAX); }
    public static void LDSMIN(LiftContext c, Fields f) { readModifyWrite(c, f, RmwOp.SMIN); }
    public static void LDUMAX(LiftContext c, Fields f) { readModifyWrite(c, f, RmwOp.UMAX); }
    public static void LDUMIN(LiftContext c, Fields f) { readModifyWrite(c, f, RmwOp.UMIN); }
    public static void SWP(LiftContext c, Fields f) { readModifyWrite(c, f, RmwOp.SWP); }

    /** CAS, CASA, CASL, CASAL and the B and H forms: Rs is compared, Rt stored, Rs gets the old value. */
    public static void CAS(LiftContext c, Fields f) {
        IrBuilder b = c.b;
        int bytes = 1 << f.get('z');
        int s = f.get('s');
        Value addr = c.alignedAddress(f.get('n'), bytes, true);
        if (f.get('r') != 0) {
            b.fence();
        }
        Value old;
        if (bytes >= 4) {
            int sf = bytes == 8 ? 1 : 0;
            old = b.cas(addr, c.reg(sf, s), c.reg(sf, f.get('t')), bytes, false);
        } else {
            Lane lane = Lane.of(c, addr, bytes);
            Value current = c.load(Type.I32, lane.word, 4, false);
            old = lane.extract(b, current);
            Value matches = b.cmpEq(old, b.and(c.reg(0, s), lane.mask));
            Value stored = lane.insert(b, current, b.and(c.reg(0, f.get('t')), lane.mask));
            Value got = b.cas(lane.word, current, b.select(matches, stored, current), 4, false);
            // the word changed under us (maybe only a neighbouring byte): run the CAS again
            b.exitIf(b.cmpNe(got, current), b.c64(c.pc()));
        }
        if (f.get('a') != 0) {
            b.fence();
        }
        c.setReg(s, old);
    }

    /** CASP, CASPA, CASPL, CASPAL: a pair of registers (even-numbered) against 8 or 16 bytes. */
    public static void CASP(LiftContext c, Fields f) {
        IrBuilder b = c.b;
        int s = f.get('s');
        int t = f.get('t');
        if ((s & 1) != 0 || (t & 1) != 0) {
            c.illegal();
            return;
        }
        Value addr = c.alignedAddress(f.get('n'), f.get('z') == 0 ? 8 : 16, true);
        if (f.get('r') != 0) {
            b.fence();
        }
        if (f.get('z') == 0) {
            Value expected = b.or(b.zext64(c.reg(0, s)), b.shl(c.x(s + 1), b.c64(32)));
            Value desired = b.or(b.zext64(c.reg(0, t)), b.shl(c.x(t + 1), b.c64(32)));
            Value old = b.cas(addr, expected, desired, 8, false);
            if (f.get('a') != 0) {
                b.fence();
            }
            c.setReg(s, b.trunc32(old));
            c.setReg(s + 1, b.trunc32(b.shr(old, b.c64(32))));
        } else {
            b.call(CAS_PAIR_64, b.c32(s), addr, c.x(s), c.x(s + 1), c.x(t), c.x(t + 1));
            if (f.get('a') != 0) {
                b.fence();
            }
        }
    }
}
