package dev.emu.x86.lift;

import static dev.emu.x86.X86Registers.DF;
import static dev.emu.x86.X86Registers.MXCSR;
import static dev.emu.x86.X86Registers.RAX;
import static dev.emu.x86.X86Registers.RBX;
import static dev.emu.x86.X86Registers.RCX;
import static dev.emu.x86.X86Registers.RDX;

import dev.emu.core.ir.Helper;
import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.TrapKind;
import dev.emu.core.ir.Value;
import dev.emu.x86.X86Flags;
import dev.emu.x86.X86Helpers;
import dev.emu.x86.X86Registers;
import dev.emu.x86.decode.X86Insn;

/**
 * Miscellaneous and system instructions a user-mode program meets: NOP forms (90, 0F 1F,
 * the 0F 18..1F hint space that also holds ENDBR64 = F3 0F 1E FA, PREFETCH), PAUSE,
 * SYSCALL, UD2, INT3, HLT and the other privileged ones, CPUID, RDTSC, the fences, flag
 * instructions (CLC STC CMC CLD STD LAHF SAHF PUSHF POPF), LDMXCSR/STMXCSR.
 */
public final class SystemInsns {
    private SystemInsns() {}

    static final Helper CPUID = Helper.of(X86Helpers.class, "cpuid");
    static final Helper RDTSC = Helper.of(X86Helpers.class, "rdtsc");

    /** NOP, NOP r/m (0F 1F), hint NOPs and prefetches, PAUSE (F3 90), ENDBR64, FWAIT. */
    public static void NOP(LiftContext c, X86Insn i) {
    }

    /**
     * SYSCALL (0F 05): RCX = the next RIP and R11 = RFLAGS (SDM "SYSCALL"), then the OS
     * layer reads RAX and the argument registers; execution resumes after it.
     */
    public static void SYSCALL(LiftContext c, X86Insn i) {
        IrBuilder b = c.b;
        b.setReg(RCX, b.c64(i.nextPc()));
        b.setReg(11, b.zext64(flagsWord(c, true)));
        c.trap(TrapKind.SYSCALL, i.nextPc(), 0);
    }

    /** UD2 (0F 0B): #UD, SIGILL at the instruction. */
    public static void UD2(LiftContext c, X86Insn i) {
        c.illegal();
    }

    /** INT3 (CC): SIGTRAP with RIP after the instruction, as Linux reports it. */
    public static void INT3(LiftContext c, X86Insn i) {
        c.trap(TrapKind.BREAKPOINT, i.nextPc(), 3);
    }

    /** HLT, CLI, STI, IN, OUT, INS, OUTS, INT n, IRET: #GP in user mode (SIGSEGV at the instruction). */
    public static void PRIVILEGED(LiftContext c, X86Insn i) {
        c.trap(TrapKind.PRIVILEGED, i.pc, i.head);
    }

    /** CPUID (0F A2): EAX, EBX, ECX, EDX from the leaf in EAX and subleaf in ECX. */
    public static void CPUID(LiftContext c, X86Insn i) {
        IrBuilder b = c.b;
        Value leaf = b.getReg32(RAX);
        Value sub = b.getReg32(RCX);
        Value[] r = new Value[4];
        for (int k = 0; k < 4; k++) {
            r[k] = b.call(CPUID, leaf, sub, b.c32(k));
        }
        b.setReg(RAX, r[0]);
        b.setReg(RBX, r[1]);
        b.setReg(RCX, r[2]);
        b.setReg(RDX, r[3]);
    }

    /** RDTSC (0F 31): EDX:EAX = the time-stamp counter. */
    public static void RDTSC(LiftContext c, X86Insn i) {
        IrBuilder b = c.b;
        Value t = b.call(RDTSC);
        b.setReg(RAX, b.trunc32(t));
        b.setReg(RDX, b.trunc32(b.shr(t, b.c64(32))));
    }

    /** MFENCE, LFENCE, SFENCE (0F AE /6 /5 /7, register forms): one full fence each. */
    public static void FENCE(LiftContext c, X86Insn i) {
        c.b.fence();
    }

    public static void CLC(LiftContext c, X86Insn i) {
        Flags.update(c, X86Flags.CF, c.b.c32(0));
    }

    public static void STC(LiftContext c, X86Insn i) {
        Flags.update(c, X86Flags.CF, c.b.c32(X86Flags.CF));
    }

    public static void CMC(LiftContext c, X86Insn i) {
        Flags.update(c, X86Flags.CF, c.b.xor(Flags.read(c, X86Registers.CF_BIT), c.b.c32(1)));
    }

    public static void CLD(LiftContext c, X86Insn i) {
        c.b.setReg(DF, c.b.c32(0));
    }

    public static void STD(LiftContext c, X86Insn i) {
        c.b.setReg(DF, c.b.c32(1));
    }

    /** The flags word: the arithmetic flags, bit 1 and (withHigh) IF, which reads as 1 in user mode, and DF. */
    static Value flagsWord(LiftContext c, boolean withHigh) {
        IrBuilder b = c.b;
        Value f = Flags.packed(c);
        if (!withHigh) {
            return b.or(b.and(f, b.c32(0xFF)), b.c32(0x2));
        }
        return b.or(b.or(f, b.c32(0x202)), Flags.at(c, b.getReg32(DF), X86Registers.DF_BIT));
    }

    /** Sets the arithmetic flags from f; withHigh: OF and DF too, else OF is kept. */
    static void setFlagsWord(LiftContext c, Value f, boolean withHigh) {
        IrBuilder b = c.b;
        if (withHigh) {
            Flags.setPacked(c, b.and(f, b.c32(X86Flags.ARITH)));
            b.setReg(DF, b.and(b.shr(f, b.c32(X86Registers.DF_BIT)), b.c32(1)));
        } else {
            int low = X86Flags.ARITH & ~X86Flags.OF;
            Flags.update(c, low, b.and(f, b.c32(low)));
        }
    }

    /** LAHF (9F): AH = SF:ZF:0:AF:0:PF:1:CF. */
    public static void LAHF(LiftContext c, X86Insn i) {
        c.setHigh8(RAX, flagsWord(c, false));
    }

    /** SAHF (9E): SF ZF AF PF CF from AH. */
    public static void SAHF(LiftContext c, X86Insn i) {
        IrBuilder b = c.b;
        setFlagsWord(c, b.and(b.shr(b.getReg32(RAX), b.c32(8)), b.c32(0xFF)), false);
    }

    /** PUSHF (9C): RFLAGS as user mode sees it (see {@code X86Registers}). */
    public static void PUSHF(LiftContext c, X86Insn i) {
        c.push(i.opSize, c.zextTo(i.opSize, flagsWord(c, true)));
    }

    /** POPF (9D): the status flags and DF; TF, AC, ID and the system flags are not modelled. */
    public static void POPF(LiftContext c, X86Insn i) {
        Value v = c.b.trunc32(c.peek(i.opSize));
        c.popDone(i.opSize);
        setFlagsWord(c, v, true);
    }

    /** LDMXCSR m32 (0F AE /2): a reserved bit (16..31) set is #GP, MXCSR unchanged. */
    public static void LDMXCSR(LiftContext c, X86Insn i) {
        IrBuilder b = c.b;
        Value v = c.load(32, c.ea());
        SseOperands.generalProtectionUnless(c, b.cmpEq(b.and(v, b.c32(0xFFFF_0000L)), b.c32(0)));
        b.setReg(MXCSR, v);
    }

    /** STMXCSR m32 (0F AE /3). */
    public static void STMXCSR(LiftContext c, X86Insn i) {
        c.store(c.ea(), c.b.getReg32(MXCSR), 32);
    }
}
