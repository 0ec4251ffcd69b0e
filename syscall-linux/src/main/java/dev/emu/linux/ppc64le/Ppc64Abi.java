package dev.emu.linux.ppc64le;

import dev.emu.core.cpu.CpuState;
import dev.emu.linux.SyscallHandler;
import dev.emu.linux.SyscallHandlers;
import dev.emu.linux.abi.BaseLinuxAbi;
import dev.emu.linux.abi.SigInfo;
import dev.emu.linux.abi.Structs;
import dev.emu.linux.abi.SyscallRegisters;
import dev.emu.linux.abi.SyscallTable;

import java.util.Objects;

/**
 * ppc64le Linux (ELF v2): {@code sc} with the number in r0, arguments in r3..r8, the result in
 * r3; an error sets CR0.SO and leaves the positive errno in r3 (success clears CR0.SO). The
 * powerpc syscall table, struct stat and termios, tty ioctl numbers of their own, and the
 * powerpc signal frame.
 */
public final class Ppc64Abi extends BaseLinuxAbi<Structs> {
    // arch/powerpc/include/uapi/asm/cputable.h
    static final long PPC_FEATURE_32 = 0x8000_0000L, PPC_FEATURE_64 = 0x4000_0000L,
            PPC_FEATURE_HAS_ALTIVEC = 0x1000_0000L, PPC_FEATURE_HAS_FPU = 0x0800_0000L,
            PPC_FEATURE_HAS_MMU = 0x0400_0000L, PPC_FEATURE_ICACHE_SNOOP = 0x0000_2000L,
            PPC_FEATURE_HAS_VSX = 0x0000_0080L, PPC_FEATURE_TRUE_LE = 0x0000_0002L;
    static final long PPC_FEATURE2_ARCH_2_07 = 0x8000_0000L, PPC_FEATURE2_DSCR = 0x2000_0000L,
            PPC_FEATURE2_ISEL = 0x0800_0000L, PPC_FEATURE2_TAR = 0x0400_0000L;
    /**
     * Only what the core implements: the 64-bit fixed-point, branch and storage facilities
     * (PPC_FEATURE_32 is set for every 64-bit CPU by Linux: 32-bit mode code runs too), a
     * coherent instruction cache (stores to code invalidate translations), little-endian; the
     * floating-point, VMX (AltiVec) and VSX facilities of ISA 2.07 (docs/ppc64le.md lists them).
     * Not DFP, not the vector crypto instructions, not HTM, so not their bits.
     */
    public static final long HWCAP = PPC_FEATURE_32 | PPC_FEATURE_64 | PPC_FEATURE_HAS_MMU
            | PPC_FEATURE_ICACHE_SNOOP | PPC_FEATURE_TRUE_LE
            | PPC_FEATURE_HAS_FPU | PPC_FEATURE_HAS_ALTIVEC | PPC_FEATURE_HAS_VSX;
    /**
     * ISA 2.07 (glibc's POWER8 baseline check and its POWER8 string functions need it), isel,
     * the TAR (bctar, mtspr/mfspr 815) and the user DSCR (mfspr/mtspr 3).
     */
    public static final long HWCAP2 = PPC_FEATURE2_ARCH_2_07 | PPC_FEATURE2_ISEL | PPC_FEATURE2_TAR | PPC_FEATURE2_DSCR;

    /** AT_DCACHEBSIZE, AT_ICACHEBSIZE, AT_UCACHEBSIZE (asm/auxvec.h). */
    static final int AT_DCACHEBSIZE = 19, AT_ICACHEBSIZE = 20, AT_UCACHEBSIZE = 21;
    static final int CACHE_BLOCK = 128;

    /** Parsed on first use (see {@link BaseLinuxAbi}). */
    private static final class Table {
        static final SyscallTable TABLE = Ppc64Syscalls.table();
    }

    @Override
    public SyscallTable syscalls() {
        return Table.TABLE;
    }
    /** r3..r8 (slots 0..5), r0, cr0, as {@link SyscallRegisters} binds them. */
    private final SyscallRegisters regs = new SyscallRegisters("r3", "r4", "r5", "r6", "r7", "r8", "r0", "cr0");

    public Ppc64Abi() {
        super("ppc64le", 64, new Ppc64Structs());
    }

    @Override
    public int syscallNumber(CpuState cpu) {
        int[] slots = regs.slots(cpu.registerFile);
        return (int) cpu.regs[slots[6]];
    }

    @Override
    public long syscallArg(CpuState cpu, int index) {
        int[] slots = regs.slots(cpu.registerFile);
        return cpu.regs[slots[Objects.checkIndex(index, 6)]];
    }

    /** -4095..-1 is an error: r3 = errno and CR0.SO set; anything else is a value, CR0.SO clear. */
    @Override
    public void setSyscallResult(CpuState cpu, long result) {
        int[] slots = regs.slots(cpu.registerFile);
        if (result < 0 && result >= -4095) {
            cpu.regs[slots[0]] = errno((int) -result);
            cpu.regs[slots[7]] |= 1;
        } else {
            cpu.regs[slots[0]] = result;
            cpu.regs[slots[7]] &= ~1L;
        }
    }

    /** ELF v2: r1 the stack, r12 the entry (the global entry point computes r2, the TOC, from it). */
    @Override
    public void initRegisters(CpuState cpu, long sp, long entry) {
        cpu.set("r1", sp);
        cpu.set("r12", entry);
        cpu.setPc(entry);
    }

    @Override
    public void setStackPointer(CpuState cpu, long sp) {
        cpu.set("r1", sp);
    }

    @Override
    public long stackPointer(CpuState cpu) {
        return cpu.get("r1");
    }

    /** r13 is the thread pointer (the TCB end + 0x7000, which glibc computes itself). */
    @Override
    public void setThreadPointer(CpuState cpu, long tp) {
        cpu.set("r13", tp);
    }

    @Override
    public boolean pushSignalFrame(CpuState cpu, dev.emu.core.mem.AddressSpace mem, SigInfo info, long handler,
                                   long restorer, long sp, long mask, long[] altStack) {
        long frame = Ppc64SignalFrame.push(cpu, mem, structs, info, info.signo(), handler, sp, mask, altStack);
        long newSp = frame - Ppc64SignalFrame.SIGNAL_FRAMESIZE;
        byte[] backChain = structs.buffer(8).u64(0, cpu.get("r1")).bytes();
        mem.write(newSp, backChain, 0, 8);
        cpu.set("r1", newSp);
        cpu.set("r3", info.signo());
        cpu.set("r4", frame + Ppc64SignalFrame.INFO);
        cpu.set("r5", frame + Ppc64SignalFrame.UC);
        cpu.set("r6", frame);
        cpu.set("lr", restorer != 0 ? restorer : frame + Ppc64SignalFrame.TRAMP);
        cpu.set("ctr", handler);
        cpu.set("r12", handler); // ELF v2: the global entry point expects its address in r12
        cpu.setPc(handler);
        return true;
    }

    @Override
    public long[] signalReturn(CpuState cpu, dev.emu.core.mem.AddressSpace mem) {
        return Ppc64SignalFrame.restore(cpu, mem, structs);
    }

    /** sc is 4 bytes; r3 is both the first argument and the result. */
    @Override
    public boolean restartSyscall(CpuState cpu, long arg0) {
        cpu.setPc(cpu.pc() - 4);
        cpu.set("r3", arg0);
        return true;
    }

    /** li r0, 172 (rt_sigreturn); sc; trap: what the vDSO's __kernel_sigtramp_rt64 does. */
    @Override
    public byte[] sigreturnTrampoline() {
        return structs.buffer(12).u32(0, 0x3800_00ac).u32(4, 0x4400_0002).u32(8, 0x7fe0_0008).bytes();
    }

    @Override
    public void registerSyscalls(SyscallHandlers canonical) {
        Ppc64Syscalls.register(canonical);
    }

    @Override
    public int openFlagsIn(int g) {
        return dev.emu.linux.abi.OpenFlags.fromPowerpc(g);
    }

    @Override
    public int openFlagsOut(int c) {
        return dev.emu.linux.abi.OpenFlags.toPowerpc(c);
    }

    @Override
    public int ioctlIn(int cmd) {
        return Ppc64Ioctls.toGeneric(cmd);
    }

    @Override
    public long[][] extraAuxv() {
        return new long[][] {{AT_DCACHEBSIZE, CACHE_BLOCK}, {AT_ICACHEBSIZE, CACHE_BLOCK}, {AT_UCACHEBSIZE, 0}};
    }

    @Override
    public String unameMachine() {
        return "ppc64le";
    }

    @Override
    public String platform() {
        return "power8";
    }

    @Override
    public long hwcap() {
        return HWCAP;
    }

    @Override
    public long hwcap2() {
        return HWCAP2;
    }

    /** The powerpc format (arch/powerpc/kernel/setup-common.c show_cpuinfo), a POWER8 guest. */
    @Override
    public String cpuinfo(int cpus) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cpus; i++) {
            sb.append("processor\t: ").append(i).append('\n')
                    .append("cpu\t\t: POWER8 (architected)")
                    .append((HWCAP & PPC_FEATURE_HAS_ALTIVEC) != 0 ? ", altivec supported\n" : "\n")
                    .append("clock\t\t: 3425.000000MHz\n")
                    .append("revision\t: 2.1 (pvr 004b 0201)\n\n");
        }
        sb.append("timebase\t: 512000000\n")
                .append("platform\t: pSeries\n")
                .append("model\t\t: emu\n")
                .append("machine\t\t: CHRP emu\n");
        return sb.toString();
    }

    /** The default 47-bit user space of 64-bit powerpc with 64 KiB pages (TASK_SIZE_USER64 128 TiB). */
    @Override
    public long stackTop() {
        return 0x0000_7fff_ffff_0000L;
    }

    /** ELF_ET_DYN_BASE for 64-bit powerpc: 512 MiB. */
    @Override
    public long pieLoadBase() {
        return 0x0000_0000_2000_0000L;
    }

    @Override
    public long mmapBase() {
        return 0x0000_7fff_b000_0000L;
    }
}
