package dev.emu.ppc64le.lift;

import static dev.emu.ppc64le.PpcRegisters.CTR;
import static dev.emu.ppc64le.PpcRegisters.LR;
import static dev.emu.ppc64le.PpcRegisters.TAR;

import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.TrapKind;
import dev.emu.core.ir.Value;

/**
 * Book I chapter 2, the branch facility: b, bc, bclr, bcctr, bctar with their AA/LK variants,
 * the CR logical instructions and mcrf; and sc (3.3.1), which ends a block the same way.
 */
public final class Branch {
    private Branch() {}

    /** b, ba, bl, bla (2.4): I-form, LI in 'i', AA in 'q', LK in 'l'. */
    public static void b(LiftContext c, Fields f) {
        long disp = (long) f.signed('i') << 2;
        long target = f.get('q') != 0 ? disp : c.pc() + disp;
        if (f.get('l') != 0) {
            c.b.setReg(LR, c.c64(c.nextPc()));
        }
        c.b.exit(target);
    }

    /**
     * The branch condition of BO and BI (2.4): decrements CTR unless BO[2], then
     * (BO[2] | (CTR != 0) ^ BO[3]) & (BO[0] | CR[BI] == BO[1]). Null when the branch is always
     * taken.
     */
    private static Value condition(LiftContext c, int bo, int bi) {
        IrBuilder b = c.b;
        Value ctrOk = null;
        if ((bo & 4) == 0) {
            Value ctr = b.sub(b.getReg64(CTR), c.c64(1));
            b.setReg(CTR, ctr);
            Value nonZero = b.cmpNe(ctr, c.c64(0));
            ctrOk = (bo & 2) != 0 ? b.xor(nonZero, c.c32(1)) : nonZero;
        }
        Value condOk = null;
        if ((bo & 16) == 0) {
            Value bit = c.crBit(bi);
            condOk = (bo & 8) != 0 ? bit : b.xor(bit, c.c32(1));
        }
        if (ctrOk == null) {
            return condOk;
        }
        return condOk == null ? ctrOk : b.and(ctrOk, condOk);
    }

    /** bc, bca, bcl, bcla (2.4): B-form, BO in 't', BI in 'a', BD in 'i'. */
    public static void bc(LiftContext c, Fields f) {
        long disp = (long) f.signed('i') << 2;
        long target = f.get('q') != 0 ? disp : c.pc() + disp;
        Value cond = condition(c, f.get('t'), f.get('a'));
        link(c, f);
        branch(c, cond, c.c64(target));
    }

    /** The register-indirect branches: target from {@code slot} (read before LK writes LR). */
    private static void branchToRegister(LiftContext c, Fields f, int slot) {
        IrBuilder b = c.b;
        Value target = b.and(b.getReg64(slot), c.c64(~3L));
        Value cond = condition(c, f.get('t'), f.get('a'));
        link(c, f);
        branch(c, cond, target);
    }

    private static void link(LiftContext c, Fields f) {
        if (f.get('l') != 0) {
            c.b.setReg(LR, c.c64(c.nextPc()));
        }
    }

    private static void branch(LiftContext c, Value cond, Value target) {
        if (cond == null) {
            c.b.exit(target);
        } else {
            c.b.exitIf(cond, target);
            c.b.exit(c.nextPc());
        }
    }

    /** bclr, bclrl (2.4). */
    public static void bclr(LiftContext c, Fields f) {
        branchToRegister(c, f, LR);
    }

    /**
     * bcctr, bcctrl (2.4). BO[2] = 0 (decrement CTR) is an invalid form; 64-bit server
     * processors implement it as "test CTR, and only if the test passes decrement it", then test
     * the CR bit and branch to the old CTR. QEMU does the same, and the differential tests
     * compare with it, so this does too.
     */
    public static void bcctr(LiftContext c, Fields f) {
        int bo = f.get('t');
        if ((bo & 4) != 0) {
            branchToRegister(c, f, CTR);
            return;
        }
        IrBuilder b = c.b;
        Value old = b.getReg64(CTR);
        Value target = b.and(old, c.c64(~3L));
        Value zero = b.cmpEq(old, c.c64(0));
        Value ctrOk = (bo & 2) != 0 ? zero : b.xor(zero, c.c32(1));
        b.setReg(CTR, b.sub(old, b.zext64(ctrOk)));
        Value cond = ctrOk;
        if ((bo & 16) == 0) {
            Value bit = c.crBit(f.get('a'));
            cond = b.and(cond, (bo & 8) != 0 ? bit : b.xor(bit, c.c32(1)));
        }
        link(c, f);
        branch(c, cond, target);
    }

    /** bctar, bctarl (2.4). */
    public static void bctar(LiftContext c, Fields f) {
        branchToRegister(c, f, TAR);
    }

    /** sc (3.3.1): the kernel resumes after it (SRR0 holds the next instruction). LEV must be 0. */
    public static void sc(LiftContext c, Fields f) {
        if (f.get('t') != 0) {
            c.illegal(); // LEV=1 calls the hypervisor: a program interrupt in user mode
            return;
        }
        c.b.trap(TrapKind.SYSCALL, c.nextPc(), 0);
    }

    // ---- 2.5.1 condition register logical instructions: BT in 't', BA in 'a', BB in 'b'
    private interface BitOp {
        Value apply(IrBuilder b, Value x, Value y);
    }

    private static void crLogical(LiftContext c, Fields f, BitOp op) {
        Value r = op.apply(c.b, c.crBit(f.get('a')), c.crBit(f.get('b')));
        c.setCrBit(f.get('t'), c.b.and(r, c.c32(1)));
    }

    public static void crand(LiftContext c, Fields f) { crLogical(c, f, IrBuilder::and); }
    public static void cror(LiftContext c, Fields f) { crLogical(c, f, IrBuilder::or); }
    public static void crxor(LiftContext c, Fields f) { crLogical(c, f, IrBuilder::xor); }
    public static void crnand(LiftContext c, Fields f) { crLogical(c, f, (b, x, y) -> b.not(b.and(x, y))); }
    public static void crnor(LiftContext c, Fields f) { crLogical(c, f, (b, x, y) -> b.not(b.or(x, y))); }
    public static void creqv(LiftContext c, Fields f) { crLogical(c, f, (b, x, y) -> b.not(b.xor(x, y))); }
    public static void crandc(LiftContext c, Fields f) { crLogical(c, f, (b, x, y) -> b.and(x, b.not(y))); }
    public static void crorc(LiftContext c, Fields f) { crLogical(c, f, (b, x, y) -> b.or(x, b.not(y))); }

    /** mcrf (2.5.2): BF in 't', BFA in 'a'. */
    public static void mcrf(LiftContext c, Fields f) {
        c.setCrField(f.get('t'), c.crField(f.get('a')));
    }
}
