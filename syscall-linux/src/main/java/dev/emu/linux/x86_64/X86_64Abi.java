package dev.emu.linux.x86_64;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.mem.AddressSpace;
import dev.emu.linux.SyscallHandler;
import dev.emu.linux.SyscallHandlers;
import dev.emu.linux.abi.BaseLinuxAbi;
import dev.emu.linux.abi.SigInfo;
import dev.emu.linux.abi.Structs;
import dev.emu.linux.abi.SyscallTable;
import dev.emu.x86.X86Helpers;
import dev.emu.x86.X86Registers;
import dev.emu.x86.x87.FpuImages;

/**
 * x86_64 Linux: {@code syscall} with the number in rax, arguments in rdi, rsi, rdx, r10, r8,
 * r9, the result (or -errno) in rax; the instruction itself clobbers rcx (the return rip)
 * and r11 (rflags). arch/x86's own syscall table and {@code struct stat}; asm-generic
 * values for errno, open flags, mmap flags, termios and sigaction (x86 is where they came
 * from). What the process sees of the CPU (AT_HWCAP, /proc/cpuinfo's flags) comes from the
 * core's CPUID, so the three always agree.
 */
public final class X86_64Abi extends BaseLinuxAbi<Structs> {
    /** Parsed on first use (see {@link BaseLinuxAbi}). */
    private static final class Table {
        static final SyscallTable TABLE = X86_64Syscalls.table();
    }

    @Override
    public SyscallTable syscalls() {
        return Table.TABLE;
    }
    private static final int[] ARGS = {X86Registers.RDI, X86Registers.RSI, X86Registers.RDX, 10, 8, 9};

    /** rax (the core's SYSCALL has already put the return address in rcx and rflags in r11). */
    public X86_64Abi() {
        super("x86_64", 64, new X86_64Structs());
    }

    @Override
    public int syscallNumber(CpuState cpu) {
        return (int) cpu.regs[X86Registers.RAX];
    }

    @Override
    public long syscallArg(CpuState cpu, int index) {
        return cpu.regs[ARGS[index]];
    }

    @Override
    public void setSyscallResult(CpuState cpu, long result) {
        cpu.regs[X86Registers.RAX] = result;
    }

    /** clone(flags, newsp, parent_tid, child_tid, tls): x86_64 has child_tid before tls. */
    @Override
    public int[] cloneArgs() {
        return new int[] {0, 1, 2, 4, 3};
    }

    @Override
    public void registerSyscalls(SyscallHandlers canonical) {
        X86_64Syscalls.register(canonical);
    }

    /** As the kernel's start_thread: rsp and rip set, the rest zero, the FPU and MXCSR in their reset state. */
    @Override
    public void initRegisters(CpuState cpu, long sp, long entry) {
        long[] r = cpu.regs;
        r[X86Registers.RSP] = sp;
        FpuImages.init(r);
        r[X86Registers.MXCSR] = X86Registers.MXCSR_DEFAULT;
        cpu.setPc(entry);
    }

    @Override
    public void setStackPointer(CpuState cpu, long sp) {
        cpu.regs[X86Registers.RSP] = sp;
    }

    @Override
    public long stackPointer(CpuState cpu) {
        return cpu.regs[X86Registers.RSP];
    }

    @Override
    public void setThreadPointer(CpuState cpu, long tp) {
        cpu.regs[X86Registers.FS_BASE] = tp;
    }

    /**
     * The handler runs with rdi = signo, rsi = &info, rdx = &uc, rax = 0, DF clear and a
     * fresh FPU (the kernel resets the x87 and SSE state for it); x86_64 requires
     * SA_RESTORER, so {@code restorer} is the one the program gave.
     */
    @Override
    public boolean pushSignalFrame(CpuState cpu, AddressSpace mem, SigInfo info, long handler, long restorer,
                                   long sp, long mask, long[] altStack) {
        long frame = X86_64SignalFrame.push(cpu, mem, structs, info, sp, restorer, mask, altStack);
        long[] r = cpu.regs;
        r[X86Registers.RDI] = info.signo();
        r[X86Registers.RSI] = frame + X86_64SignalFrame.INFO;
        r[X86Registers.RDX] = frame + X86_64SignalFrame.UC;
        r[X86Registers.RAX] = 0;
        r[X86Registers.RSP] = frame;
        r[X86Registers.DF] = 0;
        FpuImages.init(r);
        r[X86Registers.MXCSR] = X86Registers.MXCSR_DEFAULT;
        cpu.setPc(handler);
        return true;
    }

    /** do_error_trap for #UD reports ILL_ILLOPN. */
    @Override
    public int illegalInstructionCode() {
        return SigInfo.ILL_ILLOPN;
    }

    @Override
    public long[] signalReturn(CpuState cpu, AddressSpace mem) {
        return X86_64SignalFrame.restore(cpu, mem, structs);
    }

    /** SYSCALL is 2 bytes; rax still holds the number (the result was not stored). */
    @Override
    public boolean restartSyscall(CpuState cpu, long arg0) {
        cpu.setPc(cpu.pc() - 2);
        return true;
    }

    /** mov eax, 15 (rt_sigreturn); syscall; ud2: for a handler installed without SA_RESTORER. */
    @Override
    public byte[] sigreturnTrampoline() {
        return new byte[] {(byte) 0xB8, 15, 0, 0, 0, 0x0F, 0x05, 0x0F, 0x0B};
    }

    @Override
    public String unameMachine() {
        return "x86_64";
    }

    @Override
    public String platform() {
        return "x86_64";
    }

    /** CPUID.1:EDX, as the kernel's ELF_HWCAP. */
    @Override
    public long hwcap() {
        return X86Helpers.cpuid(1, 0, 3) & 0xFFFF_FFFFL;
    }

    /** No FSGSBASE, no ring-3 MWAIT. */
    @Override
    public long hwcap2() {
        return 0;
    }

    /** The frame, the FXSAVE area with its alignment, and the red zone, as the kernel computes it without XSAVE. */
    @Override
    public long minSigStackSize() {
        return X86_64SignalFrame.SIZE + FpuImages.FXSAVE_SIZE + 64 + X86_64SignalFrame.RED_ZONE;
    }

    @Override
    public String cpuinfo(int cpus) {
        return X86CpuInfo.text(cpus);
    }

    /** 47-bit user space: TASK_SIZE_MAX. */
    @Override
    public long stackTop() {
        return 0x0000_7fff_ffff_f000L;
    }

    /** ELF_ET_DYN_BASE: 2/3 of TASK_SIZE. */
    @Override
    public long pieLoadBase() {
        return 0x0000_5555_5555_4000L;
    }

    @Override
    public long mmapBase() {
        return 0x0000_7fff_f000_0000L;
    }
}
