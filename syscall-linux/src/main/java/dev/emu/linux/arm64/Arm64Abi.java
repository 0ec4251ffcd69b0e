package dev.emu.linux.arm64;

import dev.emu.core.cpu.CpuState;
import dev.emu.linux.abi.GenericSyscalls;
import dev.emu.linux.abi.BaseLinuxAbi;
import dev.emu.linux.abi.OpenFlags;
import dev.emu.linux.abi.Structs;
import dev.emu.linux.abi.SyscallRegisters;
import dev.emu.linux.abi.SyscallTable;

import java.nio.ByteOrder;
import java.util.Objects;

/**
 * AArch64 Linux: {@code svc #0} with the number in x8, arguments in x0..x5, the result (or
 * -errno) in x0; asm-generic syscall numbers and struct layouts; arm's own values for four
 * open(2) flags.
 */
public final class Arm64Abi extends BaseLinuxAbi<Structs> {
    // Linux's arm64 HWCAP bits (arch/arm64/include/uapi/asm/hwcap.h).
    static final long HWCAP_FP = 1 << 0, HWCAP_ASIMD = 1 << 1, HWCAP_CRC32 = 1 << 7, HWCAP_ATOMICS = 1 << 8,
            HWCAP_CPUID = 1 << 11;
    /**
     * Only what the arm64 core implements (its package documentation and IdRegisters, which
     * show a Cortex-A55 with CRC32 and LSE): FP and AdvSIMD (mandatory in AArch64, libc
     * assumes them), CRC32, LSE atomics, and CPUID since the core emulates MRS of the ID
     * registers as Linux does. No crypto, no FP16, no SVE, so glibc's ifuncs never pick an
     * instruction the core lacks. To be confirmed by the core author as it grows.
     */
    public static final long HWCAP = HWCAP_FP | HWCAP_ASIMD | HWCAP_CRC32 | HWCAP_ATOMICS | HWCAP_CPUID;
    public static final long HWCAP2 = 0;
    /** The HWCAP bits above and the names /proc/cpuinfo gives them (arch/arm64/kernel/cpuinfo.c). */
    private static final long[] HWCAP_BITS = {HWCAP_FP, HWCAP_ASIMD, HWCAP_CRC32, HWCAP_ATOMICS, HWCAP_CPUID};
    private static final String[] HWCAP_BIT_NAMES = {"fp", "asimd", "crc32", "atomics", "cpuid"};

    /** The Features line: exactly the names of the bits in HWCAP, so auxv and cpuinfo agree. */
    static String features() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < HWCAP_BITS.length; i++) {
            if ((HWCAP & HWCAP_BITS[i]) != 0) {
                sb.append(sb.length() == 0 ? "" : " ").append(HWCAP_BIT_NAMES[i]);
            }
        }
        return sb.toString();
    }


    /** Parsed on first use (see {@link BaseLinuxAbi}). */
    private static final class Table {
        static final SyscallTable TABLE = GenericSyscalls.table64();
    }

    @Override
    public SyscallTable syscalls() {
        return Table.TABLE;
    }
    /** x0..x5 (slots 0..5), x8, as {@link SyscallRegisters} binds them. */
    private final SyscallRegisters regs = new SyscallRegisters("x0", "x1", "x2", "x3", "x4", "x5", "x8");

    public Arm64Abi() {
        super("arm64", 64, new Structs(64, ByteOrder.LITTLE_ENDIAN));
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

    @Override
    public void setSyscallResult(CpuState cpu, long result) {
        int[] slots = regs.slots(cpu.registerFile);
        cpu.regs[slots[0]] = result;
    }

    @Override
    public void initRegisters(CpuState cpu, long sp, long entry) {
        cpu.set("sp", sp);
        cpu.setPc(entry);
    }

    @Override
    public boolean pushSignalFrame(CpuState cpu, dev.emu.core.mem.AddressSpace mem, dev.emu.linux.abi.SigInfo info,
                                   long handler, long restorer, long sp, long mask, long[] altStack) {
        long frame = Arm64SignalFrame.push(cpu, mem, structs, info, sp, mask, altStack);
        cpu.set("x0", info.signo());
        cpu.set("x1", frame + Arm64SignalFrame.INFO);
        cpu.set("x2", frame + Arm64SignalFrame.UC);
        cpu.set("x29", frame + Arm64SignalFrame.FRAME_RECORD);
        cpu.set("x30", restorer);
        cpu.set("sp", frame);
        cpu.setPc(handler);
        return true;
    }

    @Override
    public long[] signalReturn(CpuState cpu, dev.emu.core.mem.AddressSpace mem) {
        return Arm64SignalFrame.restore(cpu, mem, structs);
    }

    /** svc is 4 bytes; x0 is both the first argument and the result. */
    @Override
    public boolean restartSyscall(CpuState cpu, long arg0) {
        cpu.setPc(cpu.pc() - 4);
        cpu.set("x0", arg0);
        return true;
    }

    @Override
    public long stackPointer(CpuState cpu) {
        return cpu.get("sp");
    }

    /** mov x8, #139 (rt_sigreturn); svc #0; brk #0: what the vDSO's __kernel_rt_sigreturn holds. */
    @Override
    public byte[] sigreturnTrampoline() {
        return structs.buffer(12).u32(0, 0xd2801168).u32(4, 0xd4000001).u32(8, 0xd4200000).bytes();
    }

    @Override
    public void setStackPointer(CpuState cpu, long sp) {
        cpu.set("sp", sp);
    }

    @Override
    public void setThreadPointer(CpuState cpu, long tp) {
        cpu.set("tpidr_el0", tp);
    }

    @Override
    public String unameMachine() {
        return "aarch64";
    }

    @Override
    public String platform() {
        return "aarch64";
    }

    @Override
    public long hwcap() {
        return HWCAP;
    }

    @Override
    public long hwcap2() {
        return HWCAP2;
    }

    /** The size of the kernel's arm64 signal frame with its FP/SIMD record, as glibc expects. */
    @Override
    public long minSigStackSize() {
        return 5120;
    }

    @Override
    public String cpuinfo(int cpus) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cpus; i++) {
            sb.append("processor\t: ").append(i).append('\n')
                    .append("BogoMIPS\t: 100.00\n")
                    .append("Features\t: ").append(features()).append('\n')
                    .append("CPU implementer\t: 0x41\n")
                    .append("CPU architecture: 8\n")
                    .append("CPU variant\t: 0x1\n")
                    .append("CPU part\t: 0xd05\n")
                    .append("CPU revision\t: 0\n\n");
        }
        return sb.toString();
    }

    @Override
    public int openFlagsIn(int g) {
        return OpenFlags.fromArm(g);
    }

    @Override
    public int openFlagsOut(int c) {
        return OpenFlags.toArm(c);
    }

    /** 48-bit user space: TASK_SIZE is 1 << 48 with 4 KiB pages and 4 levels. */
    @Override
    public long stackTop() {
        return 0x0000_ffff_ffff_f000L;
    }

    /** 2/3 of TASK_SIZE rounded, as the kernel's ELF_ET_DYN_BASE puts it for arm64. */
    @Override
    public long pieLoadBase() {
        return 0x0000_aaaa_aaaa_0000L;
    }

    @Override
    public long mmapBase() {
        return 0x0000_ffff_b000_0000L;
    }
}
