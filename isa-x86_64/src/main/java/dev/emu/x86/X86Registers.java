package dev.emu.x86;

import dev.emu.core.cpu.RegisterFile;

/**
 * The x86-64 register file and the slot numbers lifters use.
 *
 * <p>General registers take slots 0..15 in encoding order (rax, rcx, rdx, rbx, rsp, rbp,
 * rsi, rdi, r8..r15), so a ModRM/REX register number is its slot.
 *
 * <h2>Flags: lazy</h2>
 * The arithmetic flags CF PF AF ZF SF OF are not slots of their own: four slots
 * ({@code cc_op}, {@code cc_dst}, {@code cc_src}, {@code cc_aux}) describe the last
 * flag-setting operation and {@link X86Flags} computes any flag from them; {@link #rflags}
 * is the one way to read them from outside generated code. DF has its own slot (0/1).
 * Until 2026-11-28 every flag had its own slot, computed eagerly: in tier-2 regions every
 * block exit kept all six alive, so a {@code cmp; jne} cost a popcount, an unsigned
 * compare and four xor chains. docs/x86-perf.md has the measurements.
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
    /** The lazy flags' operation, see {@link X86Flags}. */
    public static final int CC_OP;
    public static final int CC_DST;
    public static final int CC_SRC;
    public static final int CC_AUX;
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
        CC_OP = b.add("cc_op", 64);
        CC_DST = b.add("cc_dst", 64);
        CC_SRC = b.add("cc_src", 64);
        CC_AUX = b.add("cc_aux", 64);
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

    /** RFLAGS as PUSHF shows it in user mode (bit 1 and IF set) from the lazy flags and DF. */
    public static long rflags(long[] regs) {
        return 0x202 | X86Flags.flags(regs[CC_OP], regs[CC_DST], regs[CC_SRC], regs[CC_AUX])
                | (regs[DF] & 1) << DF_BIT;
    }

    /** Sets the arithmetic flags and DF from an RFLAGS value. */
    public static void setRflags(long[] regs, long f) {
        setArithFlags(regs, f);
        regs[DF] = (f >>> DF_BIT) & 1;
    }

    /** Sets the six arithmetic flags from their RFLAGS bits in {@code f} (what helpers that set flags use). */
    public static void setArithFlags(long[] regs, long f) {
        regs[CC_OP] = X86Flags.EAGER;
        regs[CC_SRC] = f & X86Flags.ARITH;
    }
}
