package dev.emu.linux.abi;

import dev.emu.core.cpu.CpuState;

import java.nio.ByteOrder;
import java.util.ServiceLoader;

/**
 * One architecture's Linux ABI, found through {@link ServiceLoader} by the name of the
 * core's {@link dev.emu.core.isa.Isa}: where syscall numbers and arguments live, the number
 * table, struct layouts, flag and errno values, and what the process image advertises
 * (uname machine, AT_PLATFORM, hwcaps, /proc/cpuinfo).
 *
 * <p>The syscall implementations work in canonical terms (asm-generic numbering of errno
 * and open flags, {@link dev.emu.linux.fs.FileStat} and friends); an ABI is mostly tables
 * that translate.
 */
public interface LinuxAbi {
    /** The {@link dev.emu.core.isa.Isa#name()} this ABI serves. */
    String isaName();

    int wordBits();

    ByteOrder byteOrder();

    SyscallTable syscalls();

    Structs structs();

    int syscallNumber(CpuState cpu);

    long syscallArg(CpuState cpu, int index);

    /** Stores a syscall's result (a value or a canonical -errno) the way the guest expects it. */
    void setSyscallResult(CpuState cpu, long result);

    /** Registers at process start: the stack pointer and entry point, everything else zero. */
    void initRegisters(CpuState cpu, long sp, long entry);

    void setStackPointer(CpuState cpu, long sp);

    /**
     * Where clone's arguments are: the indices of flags, newsp, parent_tid, tls, child_tid.
     * arm, arm64 and most ports use CLONE_BACKWARDS order {0, 1, 2, 3, 4}; x86_64 swaps
     * the last two, s390 the first two.
     */
    default int[] cloneArgs() {
        return new int[] {0, 1, 2, 3, 4};
    }

    /**
     * Pushes a signal frame for a handler at {@code sp} and points the registers at the handler
     * (pc, sp, the three handler arguments, the return address {@code restorer}). Returns false
     * when this ABI cannot deliver signals to handlers yet. A bad stack throws GuestFault.
     */
    default boolean pushSignalFrame(CpuState cpu, dev.emu.core.mem.AddressSpace mem, SigInfo info, long handler,
                                    long restorer, long sp, long mask, long[] altStack) {
        return false;
    }

    /** rt_sigreturn: restores the registers from the frame at sp; returns {mask, ss_sp, ss_flags, ss_size}. */
    default long[] signalReturn(CpuState cpu, dev.emu.core.mem.AddressSpace mem) {
        throw new UnsupportedOperationException("rt_sigreturn on " + isaName());
    }

    /**
     * Makes the syscall that just returned run again when the thread resumes (a handler with
     * SA_RESTART interrupted it): the pc back on the syscall instruction, the first argument
     * register holding its original value.
     */
    default boolean restartSyscall(CpuState cpu, long arg0) {
        return false;
    }

    /**
     * Pages every process of this ABI has besides its program and stack (arm32: the kernel
     * user helpers at 0xffff0000), mapped by the loader after the stack.
     */
    default void mapSpecialPages(dev.emu.core.mem.AddressSpace mem) {
    }

    /**
     * Syscalls of this ABI's own (arm32: set_tls, the *64 calls with register pairs), added
     * to the canonical handlers by name; {@code canonical} holds those already registered.
     */
    default void registerSyscalls(dev.emu.linux.SyscallHandlers canonical) {
    }

    /**
     * This ABI as a process on the CPU model {@code model} (a qemu -cpu name) shows it, or
     * null when the ABI does not know the model (it is then ignored with a warning).
     */
    default LinuxAbi forCpuModel(String model) {
        return null;
    }

    /** The si_code of SIGILL for an undefined instruction: ILL_ILLOPC on most ports, ILL_ILLOPN for x86's #UD. */
    default int illegalInstructionCode() {
        return SigInfo.ILL_ILLOPC;
    }

    /** The guest's stack pointer. */
    long stackPointer(CpuState cpu);

    /** Code for a signal return trampoline (rt_sigreturn then a trap), in guest byte order. */
    default byte[] sigreturnTrampoline() {
        return null;
    }

    /** The thread pointer register (TLS) for clone(CLONE_SETTLS). */
    void setThreadPointer(CpuState cpu, long tp);

    /** uname's machine field: "aarch64". */
    String unameMachine();

    /** AT_PLATFORM. */
    String platform();

    long hwcap();

    long hwcap2();

    /** AT_MINSIGSTKSZ, or 0 where the kernel does not provide it. */
    default long minSigStackSize() {
        return 0;
    }

    /** /proc/cpuinfo for {@code cpus} processors. */
    String cpuinfo(int cpus);

    /** A guest ioctl request number to the generic (asm-generic) one the tty and file code handles. */
    default int ioctlIn(int cmd) {
        return cmd;
    }

    /** auxv entries of this architecture's own ({type, value} pairs: powerpc's cache block sizes). */
    default long[][] extraAuxv() {
        return new long[0][];
    }

    /** Guest open(2) flags to the canonical (asm-generic/x86) values in {@link OpenFlags}. */
    default int openFlagsIn(int guest) {
        return guest;
    }

    default int openFlagsOut(int canonical) {
        return canonical;
    }

    /** Canonical errno to the guest's. */
    default int errno(int canonical) {
        return canonical;
    }

    /** The highest user address + 1 (the stack goes just below). */
    long stackTop();

    /** Where a static-pie (ET_DYN) executable is loaded. */
    long pieLoadBase();

    /** Where mmap without a hint starts looking, growing down (Linux's mmap_base). */
    long mmapBase();

    static LinuxAbi forIsa(String isaName) {
        for (LinuxAbi abi : ServiceLoader.load(LinuxAbi.class)) {
            if (abi.isaName().equals(isaName)) {
                return abi;
            }
        }
        return null;
    }
}
