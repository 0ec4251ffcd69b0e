package dev.emu.linux.x86_64;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.mem.AddressSpace;
import dev.emu.linux.abi.GuestBuffer;
import dev.emu.linux.abi.SigInfo;
import dev.emu.linux.abi.Structs;
import dev.emu.x86.X86Registers;
import dev.emu.x86.x87.FpuImages;

/**
 * The x86_64 rt_sigframe (arch/x86/kernel/signal_64.c, uapi asm/sigcontext.h, asm/ucontext.h):
 * below the interrupted stack's 128-byte red zone, a 64-byte aligned fpstate in the FXSAVE
 * layout; below it the frame, placed so that the handler starts with rsp + 8 16-byte aligned
 * as after a call: the return address (pretcode: the SA_RESTORER restorer), the ucontext
 * (uc_flags, uc_link, uc_stack, the sigcontext: r8..r15, rdi, rsi, rbp, rbx, rdx, rax, rcx,
 * rsp, rip, eflags, cs/gs/fs/ss, err, trapno, oldmask, cr2, the fpstate pointer, 8 reserved
 * words; then uc_sigmask), then the siginfo.
 */
final class X86_64SignalFrame {
    static final int PRETCODE = 0;
    static final int UC = 8;
    static final int UC_FLAGS = UC;
    static final int UC_STACK = UC + 16;
    static final int MCTX = UC + 40;
    static final int RIP = MCTX + 16 * 8;
    static final int EFLAGS = MCTX + 17 * 8;
    static final int CSGSFS = MCTX + 18 * 8;
    static final int OLDMASK = MCTX + 21 * 8;
    static final int CR2 = MCTX + 22 * 8;
    static final int FPSTATE = MCTX + 23 * 8;
    static final int UC_SIGMASK = MCTX + 256;
    static final int INFO = UC_SIGMASK + 8;
    static final int SIZE = INFO + 128;
    static final int RED_ZONE = 128;
    /** uc_flags: UC_SIGCONTEXT_SS | UC_STRICT_RESTORE_SS, as a 64-bit kernel sets them (no XSAVE state: no UC_FP_XSTATE). */
    static final long UC_FLAGS_VALUE = 2 | 4;
    /** The sigcontext's register order, as slots of the x86 register file. */
    private static final int[] ORDER = {8, 9, 10, 11, 12, 13, 14, 15, X86Registers.RDI, X86Registers.RSI,
        X86Registers.RBP, X86Registers.RBX, X86Registers.RDX, X86Registers.RAX, X86Registers.RCX, X86Registers.RSP};
    /** The user code and stack selectors of a 64-bit process (__USER_CS, __USER_DS). */
    private static final int USER_CS = 0x33, USER_SS = 0x2b;

    private X86_64SignalFrame() {}

    /** Builds fpstate and frame below sp; returns the frame's address (the handler's rsp). */
    static long push(CpuState cpu, AddressSpace mem, Structs s, SigInfo info, long sp, long restorer, long mask,
                     long[] altStack) {
        long[] r = cpu.regs;
        long fpstate = (sp - RED_ZONE - FpuImages.FXSAVE_SIZE) & -64L;
        long frame = ((fpstate - SIZE) & -16L) - 8;
        byte[] fx = new byte[FpuImages.FXSAVE_SIZE];
        FpuImages.fxsave(r, fx, 0);
        GuestBuffer b = s.buffer(SIZE);
        b.u64(PRETCODE, restorer);
        b.u64(UC_FLAGS, UC_FLAGS_VALUE);
        b.u64(UC_STACK, altStack[0]).u32(UC_STACK + 8, (int) altStack[1]).u64(UC_STACK + 16, altStack[2]);
        for (int i = 0; i < ORDER.length; i++) {
            b.u64(MCTX + 8 * i, r[ORDER[i]]);
        }
        b.u64(RIP, cpu.pc());
        b.u64(EFLAGS, X86Registers.rflags(r));
        b.u16(CSGSFS, USER_CS).u16(CSGSFS + 6, USER_SS);
        b.u64(OLDMASK, mask);
        b.u64(CR2, info.addr());
        b.u64(FPSTATE, fpstate);
        b.u64(UC_SIGMASK, mask);
        byte[] si = info.bytes(s);
        System.arraycopy(si, 0, b.bytes(), INFO, si.length);
        mem.write(fpstate, fx, 0, fx.length);
        mem.write(frame, b.bytes(), 0, SIZE);
        return frame;
    }

    /**
     * rt_sigreturn, after the handler's RET popped pretcode: the frame starts at rsp - 8.
     * Restores the registers, the user-changeable flags and the FPU state; returns {mask,
     * ss_sp, ss_flags, ss_size}.
     */
    static long[] restore(CpuState cpu, AddressSpace mem, Structs s) {
        long[] r = cpu.regs;
        long frame = r[X86Registers.RSP] - 8;
        byte[] raw = new byte[SIZE];
        mem.read(frame, raw, 0, SIZE);
        GuestBuffer b = s.wrap(raw);
        long fpstate = b.getU64(FPSTATE);
        byte[] fx = null;
        if (fpstate != 0) {
            fx = new byte[FpuImages.FXSAVE_SIZE];
            mem.read(fpstate, fx, 0, fx.length);
            // reserved MXCSR bits would make the kernel's restore fail; it clears them instead of faulting
            int mxcsr = (fx[24] & 0xFF) | (fx[25] & 0xFF) << 8;
            fx[24] = (byte) mxcsr;
            fx[25] = (byte) (mxcsr >>> 8);
            fx[26] = 0;
            fx[27] = 0;
        }
        for (int i = 0; i < ORDER.length; i++) {
            r[ORDER[i]] = b.getU64(MCTX + 8 * i);
        }
        cpu.setPc(b.getU64(RIP));
        X86Registers.setRflags(r, b.getU64(EFLAGS));
        if (fx != null) {
            FpuImages.fxrstor(r, fx, 0);
        } else {
            FpuImages.init(r);
            r[X86Registers.MXCSR] = X86Registers.MXCSR_DEFAULT;
        }
        return new long[] {b.getU64(UC_SIGMASK), b.getU64(UC_STACK), b.getI32(UC_STACK + 8), b.getU64(UC_STACK + 16)};
    }
}
