package dev.emu.linux.ppc64le;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.cpu.RegisterFile;
import dev.emu.core.mem.AddressSpace;
import dev.emu.linux.abi.GuestBuffer;
import dev.emu.linux.abi.SigInfo;
import dev.emu.linux.abi.Structs;

/**
 * The ppc64 rt_sigframe (arch/powerpc/kernel/signal_64.c): the ucontext (uc_flags, uc_link,
 * uc_stack, uc_sigmask and 15 spare masks, then at 168 the sigcontext: 4 unused longs, signal,
 * handler, oldmask, regs, gp_regs[48] at +64, fp_regs[33] at +448, v_regs at +712 pointing
 * into vmx_reserve at +720), two unused longs, the 6-word trampoline, pinfo, puc, the siginfo
 * and the 512-byte abigap (USER_REDZONE_SIZE) up to the interrupted stack pointer, which is
 * never written: it holds the red zone where ELF v2 code keeps data below r1.
 *
 * <p>The handler's stack pointer is 128 bytes (the minimal ABI frame) below the frame, with
 * the back chain to the interrupted r1 stored there; rt_sigreturn finds the frame at r1 + 128.
 * v_regs points at the first quadword boundary in vmx_reserve: VR0..31, then VSCR (last word
 * of quadword 32) and VRSAVE (first word of quadword 33), then doubleword 1 of vs0..vs31.
 */
final class Ppc64SignalFrame {
    static final int UC = 0;
    static final int UC_STACK = 16;
    static final int UC_SIGMASK = 40;
    static final int MCTX = 168;
    static final int SC_SIGNAL = MCTX + 32;
    static final int SC_HANDLER = MCTX + 40;
    static final int SC_OLDMASK = MCTX + 48;
    static final int SC_REGS = MCTX + 56;
    static final int GP_REGS = MCTX + 64;
    static final int FP_REGS = MCTX + 448;
    static final int V_REGS_PTR = MCTX + 712;
    static final int VMX_RESERVE = MCTX + 720;
    static final int UC_SIZE = MCTX + 1528;
    static final int TRAMP = UC_SIZE + 16;
    static final int PINFO = TRAMP + 24;
    static final int PUC = PINFO + 8;
    static final int INFO = PUC + 8;
    /** The end of what push writes: the siginfo's end. The abigap above it is never written. */
    static final int WRITTEN = INFO + 128;
    /** USER_REDZONE_SIZE: the abigap between the frame and the interrupted r1. */
    static final int ABIGAP = 512;
    static final int FRAME_SIZE = (WRITTEN + ABIGAP + 15) & ~15;
    /** __SIGNAL_FRAMESIZE: the caller's minimal stack frame below the signal frame. */
    static final int SIGNAL_FRAMESIZE = 128;

    // gp_regs indices (asm/ptrace.h)
    static final int PT_NIP = 32, PT_MSR = 33, PT_ORIG_R3 = 34, PT_CTR = 35, PT_LNK = 36, PT_XER = 37,
            PT_CCR = 38, PT_TRAP = 40, PT_RESULT = 43;
    /** MSR of a 64-bit little-endian user thread: SF, EE, PR, ME, IR, DR, RI, LE. */
    static final long USER_MSR = 0x8000_0000_0000_d033L;

    private Ppc64SignalFrame() {}

    /** The XER as mfxer reads it from the split fields. */
    static long xer(CpuState cpu) {
        return cpu.get("xer_so") << 31 | cpu.get("xer_ov") << 30 | cpu.get("xer_ca") << 29
                | cpu.get("xer_ov32") << 19 | cpu.get("xer_ca32") << 18 | cpu.get("xer_bc");
    }

    static void setXer(CpuState cpu, long xer) {
        cpu.set("xer_so", xer >>> 31 & 1);
        cpu.set("xer_ov", xer >>> 30 & 1);
        cpu.set("xer_ca", xer >>> 29 & 1);
        cpu.set("xer_ov32", xer >>> 19 & 1);
        cpu.set("xer_ca32", xer >>> 18 & 1);
        cpu.set("xer_bc", xer & 0xFFFF_FFFFL & ~(1L << 31 | 1L << 30 | 1L << 29 | 1L << 19 | 1L << 18));
    }

    /** CR from the eight 4-bit field slots, CR0 in the top nibble. */
    static long cr(CpuState cpu) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v |= (cpu.get("cr" + i) & 0xF) << (28 - 4 * i);
        }
        return v;
    }

    static void setCr(CpuState cpu, long cr) {
        for (int i = 0; i < 8; i++) {
            cpu.set("cr" + i, cr >>> (28 - 4 * i) & 0xF);
        }
    }

    /** Builds the frame below sp; returns its address. The caller points the registers at the handler. */
    static long push(CpuState cpu, AddressSpace mem, Structs s, SigInfo info, int signo, long handler, long sp,
                     long mask, long[] altStack) {
        RegisterFile rf = cpu.registerFile;
        long frame = (sp - FRAME_SIZE) & -16L;
        GuestBuffer b = s.buffer(FRAME_SIZE);
        b.u64(UC_STACK, altStack[0]).u32(UC_STACK + 8, (int) altStack[1]).u64(UC_STACK + 16, altStack[2]);
        b.u64(UC_SIGMASK, mask);
        b.u32(SC_SIGNAL, signo).u64(SC_HANDLER, handler).u64(SC_OLDMASK, mask).u64(SC_REGS, frame + GP_REGS);
        for (int i = 0; i < 32; i++) {
            b.u64(GP_REGS + 8 * i, cpu.get("r" + i));
        }
        b.u64(GP_REGS + 8 * PT_NIP, cpu.pc()).u64(GP_REGS + 8 * PT_MSR, USER_MSR)
                .u64(GP_REGS + 8 * PT_ORIG_R3, cpu.get("r3")).u64(GP_REGS + 8 * PT_CTR, cpu.get("ctr"))
                .u64(GP_REGS + 8 * PT_LNK, cpu.get("lr")).u64(GP_REGS + 8 * PT_XER, xer(cpu))
                .u64(GP_REGS + 8 * PT_CCR, cr(cpu)).u64(GP_REGS + 8 * PT_TRAP, 0xc00);
        for (int i = 0; i < 32; i++) {
            b.u64(FP_REGS + 8 * i, cpu.get("f" + i));
        }
        b.u64(FP_REGS + 8 * 32, cpu.get("fpscr"));
        int vregs = vregsOffset(frame);
        b.u64(V_REGS_PTR, frame + vregs);
        for (int i = 0; i < 32; i++) {
            int slot = rf.get("v" + i).slot();
            b.u64(vregs + 16 * i, cpu.regs[slot]).u64(vregs + 16 * i + 8, cpu.regs[slot + 1]);
        }
        b.u32(vregs + 16 * 32 + 12, cpu.get("vscr")).u32(vregs + 16 * 33, cpu.get("vrsave"));
        for (int i = 0; i < 32; i++) {
            b.u64(vregs + 16 * 34 + 8 * i, cpu.regs[rf.get("vs" + i).slot()]);
        }
        // li r0, 172 (rt_sigreturn); sc: what the kernel writes when there is no vDSO
        b.u32(TRAMP, 0x3800_00ac).u32(TRAMP + 4, 0x4400_0002);
        b.u64(PINFO, frame + INFO).u64(PUC, frame + UC);
        byte[] si = info.bytes(s);
        System.arraycopy(si, 0, b.bytes(), INFO, si.length);
        // not the abigap: it is the interrupted code's red zone (ELF v2 functions keep saved
        // non-volatile registers below r1 before their stdu and after popping their frame)
        mem.write(frame, b.bytes(), 0, WRITTEN);
        return frame;
    }

    /** vmx_reserve's first 16-byte boundary, as an offset in a frame at {@code frame}. */
    private static int vregsOffset(long frame) {
        long a = (frame + VMX_RESERVE + 15) & -16L;
        return (int) (a - frame);
    }

    /** rt_sigreturn: the frame is at r1 + 128; restores the registers; returns {mask, ss_sp, ss_flags, ss_size}. */
    static long[] restore(CpuState cpu, AddressSpace mem, Structs s) {
        RegisterFile rf = cpu.registerFile;
        long frame = cpu.get("r1") + SIGNAL_FRAMESIZE;
        byte[] raw = new byte[UC_SIZE];
        mem.read(frame, raw, 0, UC_SIZE);
        GuestBuffer b = s.wrap(raw);
        for (int i = 0; i < 32; i++) {
            cpu.set("r" + i, b.getU64(GP_REGS + 8 * i));
        }
        cpu.setPc(b.getU64(GP_REGS + 8 * PT_NIP));
        cpu.set("ctr", b.getU64(GP_REGS + 8 * PT_CTR));
        cpu.set("lr", b.getU64(GP_REGS + 8 * PT_LNK));
        setXer(cpu, b.getU64(GP_REGS + 8 * PT_XER));
        setCr(cpu, b.getU64(GP_REGS + 8 * PT_CCR));
        for (int i = 0; i < 32; i++) {
            cpu.set("f" + i, b.getU64(FP_REGS + 8 * i));
        }
        cpu.set("fpscr", b.getU64(FP_REGS + 8 * 32));
        long vregsPtr = b.getU64(V_REGS_PTR);
        if (vregsPtr != 0) {
            byte[] vr = new byte[16 * 34 + 8 * 32];
            mem.read(vregsPtr, vr, 0, vr.length);
            GuestBuffer v = s.wrap(vr);
            for (int i = 0; i < 32; i++) {
                int slot = rf.get("v" + i).slot();
                cpu.regs[slot] = v.getU64(16 * i);
                cpu.regs[slot + 1] = v.getU64(16 * i + 8);
            }
            cpu.set("vscr", v.getU32(16 * 32 + 12));
            cpu.set("vrsave", v.getU32(16 * 33));
            for (int i = 0; i < 32; i++) {
                cpu.regs[rf.get("vs" + i).slot()] = v.getU64(16 * 34 + 8 * i);
            }
        }
        return new long[] {b.getU64(UC_SIGMASK), b.getU64(UC_STACK), b.getI32(UC_STACK + 8), b.getU64(UC_STACK + 16)};
    }
}
