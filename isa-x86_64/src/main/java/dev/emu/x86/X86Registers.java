package dev.emu.x86;

import dev.emu.core.cpu.RegisterFile;

/**
 * The x86-64 register file and the slot numbers lifters use.
 *
 * <p>General registers take slots 0..15 in encoding order (rax, rcx, rdx, rbx, rsp, rbp,
 * rsi, rdi, r8..r15), so a ModRM/REX register number is its slot.
 *
 * <h2>Flags: one slot per flag, computed eagerly</h2>
 * CF, PF, AF, ZF, SF, OF and DF each hold 0 or 1 in a slot of their own; every
 * flag-writing instruction computes the flags it defines. The alternative, lazy flags
 * (slots for the last flag-setting operation, its operands and result, materialised when a
 * flag is read), saves the work for flags nobody reads. Why eager here:
 * <ul>
 * <li>Inside one block the JIT keeps slots in JVM locals and writes them back only at
 * exits, so C2 already deletes flag computations that a later instruction of the same
 * block overwrites: the common {@code cmp; jcc} / {@code add; add; ...} sequences cost only
 * the flags the branch reads plus one write-back per flag at the exit.</li>
 * <li>Across blocks eager flags cost each write-back (a store per flag, plus the compare
 * that makes it); lazy flags would cost three or four stores per flag-setting
 * instruction too (op, two operands, result), and a materialisation switch per read, which
 * both tiers have to agree on. The saving is real but second-order; correctness,
 * simplicity and the design's "each flag in its own slot" win for now.</li>
 * <li>PF, the one expensive flag (a popcount of the low byte), is one IR POPCNT, which C2
 * turns into one instruction on hosts that have it.</li>
 * </ul>
 * Measured once, roughly (a shared 2-core host, so noisy): a compiled 6-instruction loop
 * block (add, xor, imul, add, sub, jnz) runs at about 210-240 M guest instructions/s with
 * eager flags, and at 260-470 M with every flag but ZF dropped, which bounds what lazy
 * flags could save there (they would still store an op and operands per instruction).
 * Worth revisiting with a lazy variant and a quiet machine; it can replace {@code Flags}
 * without touching the handlers, since they only call {@code Flags.*} and
 * {@code LiftContext.condition}.
 *
 * <p>RFLAGS bits not kept: IF reads as 1 and bit 1 as 1 (PUSHF), TF/AC/ID/NT are not
 * modelled (POPF drops them).
 *
 * <h2>x87</h2>
 * The eight physical data registers R0..R7 are {@code fpr0..fpr7}, 80 bits each: the
 * 64-bit significand (explicit integer bit) in the low slot, sign and 15-bit exponent in the
 * low 16 bits of the high slot. ST(i) is R((TOP + i) mod 8); TOP has its own slot
 * ({@code fpu_top}) and is merged into bits 13..11 of the status word only when software
 * reads it ({@code fsw} keeps those bits zero). The tag word is kept abridged, as FXSAVE
 * stores it ({@code ftw}: bit i set = R(i) holds a value); the full two-bit tags FNSTENV
 * shows are derived from the register contents. The last-instruction and last-operand
 * pointers and the opcode are not kept (FNSTENV/FXSAVE store zeros there).
 */
public final class X86Registers {
    private X86Registers() {}

    public static final String[] GPR_NAMES = {
        "rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
        "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"};

    public static final int RAX = 0;
    public static final int RCX = 1;
    public static final int RDX = 2;
    public static final int RBX = 3;
    public static final int RSP = 4;
    public static final int RBP = 5;
    public static final int RSI = 6;
    public static final int RDI = 7;
    public static final int RIP;
    public static final int CF;
    public static final int PF;
    public static final int AF;
    public static final int ZF;
    public static final int SF;
    public static final int OF;
    public static final int DF;
    public static final int FS_BASE;
    public static final int GS_BASE;
    /** XMM0 low half; XMM<i> is at {@code XMM0 + 2 * i} (low) and {@code XMM0 + 2 * i + 1} (high). */
    public static final int XMM0;
    public static final int MXCSR;
    /** R0's significand; R(i) is at {@code FPR0 + 2 * i} (significand) and {@code FPR0 + 2 * i + 1} (sign, exponent). */
    public static final int FPR0;
    public static final int FPU_TOP;
    public static final int FCW;
    public static final int FSW;
    public static final int FTW;
    /** FCW after FNINIT: every exception masked, 64-bit precision, round to nearest. */
    public static final long FCW_DEFAULT = 0x037F;
    /** MXCSR after reset: all exceptions masked, round to nearest. */
    public static final long MXCSR_DEFAULT = 0x1F80;

    /** RFLAGS bit positions of the flags kept. */
    public static final int CF_BIT = 0;
    public static final int PF_BIT = 2;
    public static final int AF_BIT = 4;
    public static final int ZF_BIT = 6;
    public static final int SF_BIT = 7;
    public static final int DF_BIT = 10;
    public static final int OF_BIT = 11;

    public static final RegisterFile FILE;

    static {
        RegisterFile.Builder b = RegisterFile.builder();
        for (String n : GPR_NAMES) {
            b.add(n, 64);
        }
        RIP = b.pc("rip", 64);
        CF = b.add("cf", 1);
        PF = b.add("pf", 1);
        AF = b.add("af", 1);
        ZF = b.add("zf", 1);
        SF = b.add("sf", 1);
        OF = b.add("of", 1);
        DF = b.add("df", 1);
        FS_BASE = b.add("fs_base", 64);
        GS_BASE = b.add("gs_base", 64);
        int x0 = -1;
        for (int i = 0; i < 16; i++) {
            int s = b.add("xmm" + i, 128);
            if (i == 0) {
                x0 = s;
            }
        }
        XMM0 = x0;
        MXCSR = b.add("mxcsr", 32);
        int f0 = -1;
        for (int i = 0; i < 8; i++) {
            int s = b.add("fpr" + i, 80);
            if (i == 0) {
                f0 = s;
            }
        }
        FPR0 = f0;
        FPU_TOP = b.add("fpu_top", 3);
        FCW = b.add("fcw", 16);
        FSW = b.add("fsw", 16);
        FTW = b.add("ftw", 8);
        // generic names the embedding API and the harness use
        b.alias("sp", RSP, 64).alias("pc", RIP, 64);
        FILE = b.build();
    }

    public static int xmmLo(int i) {
        return XMM0 + 2 * i;
    }

    public static int xmmHi(int i) {
        return XMM0 + 2 * i + 1;
    }

    /** The significand slot of physical x87 register R(i). */
    public static int fprMant(int i) {
        return FPR0 + 2 * i;
    }

    /** The sign-and-exponent slot of physical x87 register R(i). */
    public static int fprExp(int i) {
        return FPR0 + 2 * i + 1;
    }

    /** The flag slots with their RFLAGS bit, in bit order. */
    public static int[][] flagSlotsAndBits() {
        return new int[][] {{CF, CF_BIT}, {PF, PF_BIT}, {AF, AF_BIT}, {ZF, ZF_BIT}, {SF, SF_BIT}, {DF, DF_BIT},
            {OF, OF_BIT}};
    }

    /** RFLAGS as PUSHF shows it in user mode (bit 1 and IF set) from the flag slots. */
    public static long rflags(long[] regs) {
        long f = 0x202;
        for (int[] sb : flagSlotsAndBits()) {
            f |= (regs[sb[0]] & 1) << sb[1];
        }
        return f;
    }

    /** Sets the flag slots from an RFLAGS value. */
    public static void setRflags(long[] regs, long f) {
        for (int[] sb : flagSlotsAndBits()) {
            regs[sb[0]] = (f >>> sb[1]) & 1;
        }
    }
}
