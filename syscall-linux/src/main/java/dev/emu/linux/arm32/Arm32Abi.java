package dev.emu.linux.arm32;

import dev.emu.arm32.Arm32Registers;
import dev.emu.arm32.KuserHelpers;
import dev.emu.core.cpu.CpuState;
import dev.emu.core.mem.AddressSpace;
import dev.emu.core.mem.MapFlags;
import dev.emu.core.mem.Prot;
import dev.emu.linux.Errno;
import dev.emu.linux.SyscallHandler;
import dev.emu.linux.SyscallHandlers;
import dev.emu.linux.abi.BaseLinuxAbi;
import dev.emu.linux.abi.LinuxAbi;
import dev.emu.linux.abi.OpenFlags;
import dev.emu.linux.abi.SigInfo;
import dev.emu.linux.abi.Structs;
import dev.emu.linux.abi.SyscallTable;

/**
 * 32-bit ARM Linux, EABI: {@code svc #0} with the number in r7, arguments in r0..r6 (a 64-bit
 * argument in an even/odd pair), the result (or -errno) in r0; arch/arm's own syscall table
 * and ARM private calls at 0xf0000 (set_tls); {@code struct stat64} and {@code statfs64} in
 * the EABI layout; the kernel user helpers page at 0xffff0000; arm's values for four open(2)
 * flags (as arm64).
 */
public final class Arm32Abi extends BaseLinuxAbi<Arm32Structs> {
    // arch/arm/include/uapi/asm/hwcap.h
    static final long HWCAP_HALF = 1 << 1, HWCAP_THUMB = 1 << 2, HWCAP_FAST_MULT = 1 << 4, HWCAP_VFP = 1 << 6,
            HWCAP_EDSP = 1 << 7, HWCAP_NEON = 1 << 12, HWCAP_VFPv3 = 1 << 13, HWCAP_TLS = 1 << 15, HWCAP_VFPv4 = 1 << 16,
            HWCAP_IDIVA = 1 << 17, HWCAP_IDIVT = 1 << 18, HWCAP_VFPD32 = 1 << 19;
    /** The names /proc/cpuinfo gives HWCAP bits 0.., as arch/arm/kernel/setup.c's hwcap_str. */
    private static final String[] HWCAP_NAMES = {"swp", "half", "thumb", "26bit", "fastmult", "fpa", "vfp", "edsp",
            "java", "iwmmxt", "crunch", "thumbee", "neon", "vfpv3", "vfpv3d16", "tls", "vfpv4", "idiva", "idivt",
            "vfpd32", "lpae", "evtstrm"};
    /**
     * What isa-arm32 implements: halfword loads, Thumb(-2), the long multiplies, the DSP
     * extension (QADD/QSUB/QDADD/QDSUB, SMLAxy and friends, the Q flag), VFPv4 (VFPv3 with 32
     * double registers, fused multiply-add, half-precision conversions), ARMv7's Advanced SIMD
     * (neon), the TLS register and both divides. Not lpae.
     */
    public static final long HWCAP = HWCAP_HALF | HWCAP_THUMB | HWCAP_FAST_MULT | HWCAP_VFP | HWCAP_EDSP
            | HWCAP_NEON | HWCAP_VFPv3 | HWCAP_TLS | HWCAP_VFPv4 | HWCAP_IDIVA | HWCAP_IDIVT | HWCAP_VFPD32;

    /** The Features line of /proc/cpuinfo for a HWCAP value, in the kernel's order. */
    static String features(long hwcap) {
        StringBuilder sb = new StringBuilder();
        for (int bit = 0; bit < HWCAP_NAMES.length; bit++) {
            if ((hwcap >>> bit & 1) != 0) {
                sb.append(sb.length() == 0 ? "" : " ").append(HWCAP_NAMES[bit]);
            }
        }
        return sb.toString();
    }

    /**
     * What a process sees of its CPU: uname's machine, AT_PLATFORM, AT_HWCAP (which also
     * draws /proc/cpuinfo's Features line) and the other /proc/cpuinfo lines. The core is the
     * same ARMv7 one whatever the model says; an older model only advertises less.
     */
    record Model(String machine, String platform, long hwcap, String name, String arch,
                 int variant, int part, int revision) {}

    /** qemu-arm's default (a Cortex-A15 class ARMv7-A), less what the core lacks. */
    static final Model V7 = new Model("armv7l", "v7l", HWCAP, "ARMv7 Processor rev 0 (v7l)", "7", 2, 0xc0f, 0);
    /**
     * ARMv5TEJ (qemu's arm926 and arm1026, the CPUs Debian armel targets): the DSP extension
     * (the E of 5TE), VFPv2 at most; no TLS register, no divides, no VFPv3/v4.
     */
    static final Model ARM926 = new Model("armv5tejl", "v5l", HWCAP_HALF | HWCAP_THUMB | HWCAP_FAST_MULT | HWCAP_VFP
            | HWCAP_EDSP, "ARM926EJ-S rev 5 (v5l)", "5TEJ", 0, 0x926, 5);
    static final Model ARM1026 = new Model("armv5tejl", "v5l", ARM926.hwcap(), "ARM1026EJ-S rev 2 (v5l)", "5TEJ", 0,
            0xa26, 2);

    /** Parsed on first use (see {@link BaseLinuxAbi}). */
    private static final class Table {
        static final SyscallTable TABLE = Arm32Syscalls.table();
    }

    @Override
    public SyscallTable syscalls() {
        return Table.TABLE;
    }

    private final Model model;

    public Arm32Abi() {
        this(V7);
    }

    Arm32Abi(Model model) {
        super("arm32", 32, new Arm32Structs());
        this.model = model;
    }

    /** The ARMv5 models Debian's armel targets, and the ARMv7-A ones (the default). */
    @Override
    public LinuxAbi forCpuModel(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "arm926" -> new Arm32Abi(ARM926);
            case "arm1026" -> new Arm32Abi(ARM1026);
            case "cortex-a7", "cortex-a8", "cortex-a9", "cortex-a15", "max", "any" -> new Arm32Abi(V7);
            default -> null;
        };
    }

    /** r7; the ARM private calls (0xf0000 + n) are table entries 4096 + n. */
    @Override
    public int syscallNumber(CpuState cpu) {
        int nr = (int) cpu.regs[7];
        if (nr >= Arm32Syscalls.ARM_NR_BASE && nr < Arm32Syscalls.ARM_NR_BASE + 0x800) {
            return Arm32Syscalls.PRIVATE_BASE + nr - Arm32Syscalls.ARM_NR_BASE;
        }
        return nr;
    }

    /** Sign-extended as the kernel's int and long are; pointers are zero-extended by ptrArg. */
    @Override
    public long syscallArg(CpuState cpu, int index) {
        return (int) cpu.regs[Arm32Registers.R0 + index];
    }

    @Override
    public void setSyscallResult(CpuState cpu, long result) {
        cpu.regs[Arm32Registers.R0] = result & 0xffffffffL;
    }

    @Override
    public void registerSyscalls(SyscallHandlers canonical) {
        Arm32Syscalls.register(canonical);
    }

    /** The entry's low bit selects Thumb, as a BX to it would. */
    @Override
    public void initRegisters(CpuState cpu, long sp, long entry) {
        cpu.regs[Arm32Registers.SP] = sp & 0xffffffffL;
        cpu.regs[Arm32Registers.T] = entry & 1;
        cpu.setPc(entry & ~1L);
    }

    @Override
    public void setStackPointer(CpuState cpu, long sp) {
        cpu.regs[Arm32Registers.SP] = sp & 0xffffffffL;
    }

    @Override
    public long stackPointer(CpuState cpu) {
        return cpu.regs[Arm32Registers.SP] & 0xffffffffL;
    }

    @Override
    public void setThreadPointer(CpuState cpu, long tp) {
        cpu.regs[Arm32Registers.TPIDRURO] = tp & 0xffffffffL;
    }

    /** The kernel user helpers, read+execute at 0xffff0000, shown as [vectors]. */
    @Override
    public void mapSpecialPages(AddressSpace mem) {
        byte[] page = KuserHelpers.page();
        long r = mem.mmap(KuserHelpers.PAGE, page.length, Prot.RW,
                MapFlags.PRIVATE | MapFlags.ANONYMOUS | MapFlags.FIXED, null, 0);
        if (Errno.isError(r)) {
            throw new IllegalStateException("cannot map the vectors page: errno " + -r);
        }
        mem.poke(KuserHelpers.PAGE, page, 0, page.length);
        mem.mprotect(KuserHelpers.PAGE, page.length, Prot.READ | Prot.EXEC);
        mem.setName(KuserHelpers.PAGE, page.length, "[vectors]");
    }

    @Override
    public boolean pushSignalFrame(CpuState cpu, AddressSpace mem, SigInfo info, long handler, long restorer,
                                   long sp, long mask, long[] altStack) {
        long frame = Arm32SignalFrame.push(cpu, mem, structs, info, sp, mask, altStack);
        long[] r = cpu.regs;
        r[0] = info.signo();
        r[1] = frame + Arm32SignalFrame.INFO;
        r[2] = frame + Arm32SignalFrame.UC;
        r[Arm32Registers.LR] = restorer & 0xffffffffL;
        r[Arm32Registers.SP] = frame;
        r[Arm32Registers.T] = handler & 1;
        r[Arm32Registers.ITSTATE] = 0;
        cpu.setPc(handler & ~1L);
        return true;
    }

    @Override
    public long[] signalReturn(CpuState cpu, AddressSpace mem) {
        return Arm32SignalFrame.restore(cpu, mem, structs);
    }

    /** svc is 4 bytes in A32, 2 in Thumb; r0 is both the first argument and the result. */
    @Override
    public boolean restartSyscall(CpuState cpu, long arg0) {
        cpu.setPc(cpu.pc() - (cpu.regs[Arm32Registers.T] != 0 ? 2 : 4));
        cpu.regs[Arm32Registers.R0] = arg0 & 0xffffffffL;
        return true;
    }

    /** A32: mov r7, #173 (rt_sigreturn); svc #0; udf. */
    @Override
    public byte[] sigreturnTrampoline() {
        return structs.buffer(12).u32(0, 0xe3a070adL).u32(4, 0xef000000L).u32(8, 0xe7fdeff0L).bytes();
    }

    /** armv7l as qemu-arm's default CPU (and an ARMv7 board) reports; armv5tejl for -cpu arm926. */
    @Override
    public String unameMachine() {
        return model.machine();
    }

    @Override
    public String platform() {
        return model.platform();
    }

    @Override
    public long hwcap() {
        return model.hwcap();
    }

    @Override
    public long hwcap2() {
        return 0;
    }

    @Override
    public String cpuinfo(int cpus) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cpus; i++) {
            sb.append("processor\t: ").append(i).append('\n')
                    .append("model name\t: ").append(model.name()).append('\n')
                    .append("BogoMIPS\t: 100.00\n")
                    .append("Features\t: ").append(features(model.hwcap())).append('\n')
                    .append("CPU implementer\t: 0x41\n")
                    .append("CPU architecture: ").append(model.arch()).append('\n')
                    .append("CPU variant\t: 0x").append(Integer.toHexString(model.variant())).append('\n')
                    .append("CPU part\t: 0x").append(Integer.toHexString(model.part())).append('\n')
                    .append("CPU revision\t: ").append(model.revision()).append("\n\n");
        }
        sb.append("Hardware\t: Generic DT based system\n")
                .append("Revision\t: 0000\n")
                .append("Serial\t\t: 0000000000000000\n");
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

    /** TASK_SIZE with the 3G/1G split: PAGE_OFFSET 0xc0000000 less 16 MiB for modules. */
    @Override
    public long stackTop() {
        return 0xbf00_0000L;
    }

    /** ELF_ET_DYN_BASE = TASK_SIZE / 3 * 2, page aligned. */
    @Override
    public long pieLoadBase() {
        return 0x7f55_5000L;
    }

    @Override
    public long mmapBase() {
        return 0xb700_0000L;
    }
}
