package dev.emu.testkit.diff.a64;

import dev.emu.testkit.asm.A64Asm;
import dev.emu.testkit.asm.A64Asm.Index;
import dev.emu.testkit.asm.A64Asm.SysReg;
import dev.emu.testkit.diff.DiffDump;
import dev.emu.testkit.diff.DiffProgram;
import dev.emu.testkit.diff.DumpLayout;
import dev.emu.testkit.elf.ElfWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The AArch64 Linux diff program. For each case, in order:
 * <ol>
 * <li>copy the case's window bytes to {@link #WINDOW} (a fixed address, so a case gives the
 *     same results alone or in any batch);</li>
 * <li>load NZCV, FPCR, FPSR, SP, V0..V31, X0..X30 from the case's state block (X30, the base
 *     register, last);</li>
 * <li>run the code under test (and {@code B .+4} if the case asks to end the block);</li>
 * <li>save X0 in TPIDR_EL0 to free a base register, store X0..X30, SP, NZCV, FPCR, FPSR,
 *     V0..V31 and the window into the dump buffer, {@code write(1, dump, len)}.</li>
 * </ol>
 * Steps 1, 2 (but the X registers) and 4 are subroutines shared by all cases, reached with BL;
 * the code under test runs between a RET and a BL, in a block of its own for the translator.
 * After the last case, {@code exit(0)}. The state block and the dump share one layout
 * ({@link #layout}): offsets 0 x0..x30, 248 sp, 256 nzcv, 264 fpcr, 272 fpsr, 320 v0..v31 (16
 * bytes each, little-endian), 832 the window.
 *
 * <p>{@link #CATCHING_FAULTS} also installs handlers for SIGILL, SIGTRAP, SIGBUS, SIGFPE and
 * SIGSEGV (on an alternate stack): a case that faults then writes a dump of the state the
 * signal frame holds (the registers as of the faulting instruction, which is what a precise
 * fault must give) with the fields {@code signal}, {@code si_code}, {@code si_addr} and
 * {@code fault_pc} set, and the program resumes with the next case through {@code
 * rt_sigreturn}. This makes fault-heavy classes (decoding sweeps, stray accesses) as fast as
 * any other, and compares fault state, but needs signal delivery in the emulator; {@link
 * #INSTANCE} needs only write and exit, and a fault ends the program.
 *
 * <p>Memory map: text at {@link #TEXT}; one data segment at {@link #WINDOW} holding the window
 * (up to {@link #MAX_WINDOW} bytes, rounded up to a page), a control block, the cases' state
 * blocks, then as bss the dump buffer and the signal stack.
 */
public final class A64DiffProgram implements DiffProgram<A64Case> {
    /** Needs only {@code write} and {@code exit} from the runner; a fault ends the program. */
    public static final A64DiffProgram INSTANCE = new A64DiffProgram(false);
    /** Catches faults in the guest and dumps their state; needs {@code rt_sigaction}, {@code sigaltstack}, {@code rt_sigreturn}. */
    public static final A64DiffProgram CATCHING_FAULTS = new A64DiffProgram(true);

    public static final long TEXT = 0x400000L;
    /** The scratch memory window every case sees. */
    public static final long WINDOW = 0x10000000L;
    public static final int MAX_WINDOW = 0x10000;

    static final int OFF_X = 0;
    static final int OFF_SP = 248;
    static final int OFF_NZCV = 256;
    static final int OFF_FPCR = 264;
    static final int OFF_FPSR = 272;
    static final int OFF_SIGNAL = 280;
    static final int OFF_SI_CODE = 288;
    static final int OFF_SI_ADDR = 296;
    static final int OFF_FAULT_PC = 304;
    static final int OFF_V = 320;
    static final int HEADER = 832;

    /** Control block at the start of the state area: resume address, window size, stack_t, sigaction. */
    private static final int CONTROL = 128;
    private static final int CTL_RESUME = 0;
    private static final int CTL_WINDOW = 8;
    private static final int CTL_STACK_T = 32;
    private static final int CTL_SIGACTION = 64;
    private static final int ALT_STACK = 0x10000;

    private static final int NR_SIGALTSTACK = 132;
    private static final int NR_RT_SIGACTION = 134;
    private static final int NR_RT_SIGRETURN = 139;
    private static final int NR_WRITE = 64;
    private static final int NR_EXIT = 93;
    private static final int[] CAUGHT = {4, 5, 7, 8, 11}; // SIGILL, SIGTRAP, SIGBUS, SIGFPE, SIGSEGV
    private static final long SA_SIGINFO = 0x4;
    private static final long SA_RESTORER = 0x04000000;
    private static final long SA_ONSTACK = 0x08000000;

    // struct ucontext (arm64 uapi): uc_mcontext at 176: fault_address, regs[31], sp, pc,
    // pstate, then __reserved (16-aligned) whose first record is the fpsimd_context: magic,
    // size, fpsr, fpcr (4 bytes each), vregs[32].
    private static final int UC_REGS = 184;
    private static final int UC_SP = 432;
    private static final int UC_PC = 440;
    private static final int UC_PSTATE = 448;
    private static final int UC_FPSR = 464 + 8;
    private static final int UC_FPCR = 464 + 12;
    private static final int UC_VREGS = 464 + 16;
    // siginfo_t: si_signo, si_errno, si_code (int each), then si_addr at 16
    private static final int SI_CODE = 8;
    private static final int SI_ADDR = 16;

    private static final DumpLayout.Format NZCV_FORMAT = (d, off, size, order) ->
            DumpLayout.Format.HEX.format(d, off, size, order) + " ("
                    + A64State.flags(ByteBuffer.wrap(d, off, 8).order(ByteOrder.LITTLE_ENDIAN).getLong()) + ")";

    private static final ConcurrentHashMap<Integer, DumpLayout> LAYOUTS = new ConcurrentHashMap<>();

    private final boolean catchFaults;

    private A64DiffProgram(boolean catchFaults) {
        this.catchFaults = catchFaults;
    }

    public boolean catchesFaults() {
        return catchFaults;
    }

    @Override
    public DumpLayout layout(A64Case c) {
        return layout(c.init().windowBytes(), catchFaults);
    }

    @Override
    public boolean isFaultDump(DiffDump dump) {
        return catchFaults && dump.getLong("signal") != 0;
    }

    /** The dump layout of {@link #INSTANCE} for a window of this size. */
    public static DumpLayout layout(int windowBytes) {
        return layout(windowBytes, false);
    }

    public static DumpLayout layout(int windowBytes, boolean withFaultFields) {
        return LAYOUTS.computeIfAbsent(withFaultFields ? ~windowBytes : windowBytes,
                k -> newLayout(windowBytes, withFaultFields));
    }

    private static DumpLayout newLayout(int windowBytes, boolean withFaultFields) {
        DumpLayout.Builder b = DumpLayout.builder(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 31; i++) {
            b.hex("x" + i, 8);
        }
        b.hex("sp", 8).field("nzcv", 8, NZCV_FORMAT).hex("fpcr", 8).hex("fpsr", 8);
        if (withFaultFields) {
            b.hex("signal", 8).hex("si_code", 8).hex("si_addr", 8).hex("fault_pc", 8).skip(8);
        } else {
            b.skip(40);
        }
        for (int i = 0; i < 32; i++) {
            b.hex("v" + i, 16);
        }
        return b.memory("mem", windowBytes, 16).build();
    }

    /**
     * The dump a case whose code changes nothing would write: {@code s} itself. Tests of the
     * harness and of a core's own unit tests build expected dumps from it.
     */
    public static DiffDump dumpOf(A64State s) {
        ByteBuffer b = ByteBuffer.allocate(HEADER + s.windowBytes()).order(ByteOrder.LITTLE_ENDIAN);
        putState(b, s);
        return new DiffDump(layout(s.windowBytes()), b.array());
    }

    @Override
    public byte[] build(List<A64Case> cases) {
        int maxWindow = 0;
        int blocks = 0;
        for (A64Case c : cases) {
            maxWindow = Math.max(maxWindow, c.init().windowBytes());
            blocks += HEADER + c.init().windowBytes();
        }
        int windowArea = Math.max(4096, roundUp(maxWindow, 4096));
        long control = WINDOW + windowArea;
        long stateBase = control + CONTROL;
        long dumpBuffer = roundUp(stateBase + blocks, 16);
        long altStack = roundUp(dumpBuffer + HEADER + maxWindow, 4096);
        long dataEnd = catchFaults ? altStack + ALT_STACK : dumpBuffer + HEADER + maxWindow;

        ByteBuffer data = ByteBuffer.allocate(windowArea + CONTROL + blocks).order(ByteOrder.LITTLE_ENDIAN);
        A64Asm a = new A64Asm(TEXT);
        Routines r = new Routines(a.newLabel(), a.newLabel(), a.newLabel(), a.newLabel(), a.newLabel());
        if (catchFaults) {
            emitInstallHandlers(a, control);
        }
        long block = stateBase;
        for (A64Case c : cases) {
            data.position((int) (block - WINDOW));
            putState(data, c.init());
            emitCase(a, r, c, block, dumpBuffer);
            block += HEADER + c.init().windowBytes();
        }
        a.movz(0, 0, 0);
        a.movz(8, NR_EXIT, 0);
        a.svc(0);
        emitRoutines(a, r, control, dumpBuffer);

        if (catchFaults) {
            int ctl = (int) (control - WINDOW);
            data.putLong(ctl + CTL_STACK_T, altStack);              // ss_sp
            data.putLong(ctl + CTL_STACK_T + 8, 0);                 // ss_flags
            data.putLong(ctl + CTL_STACK_T + 16, ALT_STACK);        // ss_size
            data.putLong(ctl + CTL_SIGACTION, a.address(r.faultHandler()));
            data.putLong(ctl + CTL_SIGACTION + 8, SA_SIGINFO | SA_ONSTACK | SA_RESTORER);
            data.putLong(ctl + CTL_SIGACTION + 16, a.address(r.restorer()));
            data.putLong(ctl + CTL_SIGACTION + 24, 0);              // sa_mask
        }
        return new ElfWriter(ElfWriter.ELFCLASS64, ByteOrder.LITTLE_ENDIAN, ElfWriter.EM_AARCH64)
                .text(TEXT, a.bytes())
                .data(WINDOW, data.array(), dataEnd - (WINDOW + data.capacity()))
                .entry(TEXT)
                .toBytes();
    }

    private static void putState(ByteBuffer b, A64State s) {
        int base = b.position();
        for (int i = 0; i < 31; i++) {
            b.putLong(base + OFF_X + 8 * i, s.x[i]);
        }
        b.putLong(base + OFF_SP, s.sp);
        b.putLong(base + OFF_NZCV, s.nzcv);
        b.putLong(base + OFF_FPCR, s.fpcr);
        b.putLong(base + OFF_FPSR, s.fpsr);
        for (int i = 0; i < 32; i++) {
            b.putLong(base + OFF_V + 16 * i, s.vLo[i]);
            b.putLong(base + OFF_V + 16 * i + 8, s.vHi[i]);
        }
        b.position(base + HEADER);
        b.put(s.mem);
    }

    /**
     * The work common to every case lives in subroutines, so each case adds about 30
     * instructions besides its own: a translator (qemu's or ours) then spends its time on the
     * code under test, not on copies of the same loads and stores.
     */
    private record Routines(A64Asm.Label loadState, A64Asm.Label saveState, A64Asm.Label writeDump,
            A64Asm.Label faultHandler, A64Asm.Label restorer) {}

    private static void emitInstallHandlers(A64Asm a, long control) {
        a.addressOf(0, control + CTL_STACK_T);
        a.movz(1, 0, 0);
        a.movz(8, NR_SIGALTSTACK, 0);
        a.svc(0);
        for (int sig : CAUGHT) {
            a.movz(0, sig, 0);
            a.addressOf(1, control + CTL_SIGACTION);
            a.movz(2, 0, 0);
            a.movz(3, 8, 0); // sizeof(sigset_t)
            a.movz(8, NR_RT_SIGACTION, 0);
            a.svc(0);
        }
    }

    private void emitCase(A64Asm a, Routines r, A64Case c, long block, long dump) {
        int window = c.init().windowBytes();
        A64Asm.Label next = a.newLabel();
        // The window, NZCV, FPCR, FPSR, SP, V0..V31; then X0..X30 inline, X30 (the base) last.
        a.addressOf(0, block);
        if (catchFaults) {
            a.adr(1, next); // where the fault handler resumes
        }
        a.mov64(2, window);
        a.bl(r.loadState());
        a.addressOf(30, block);
        for (int i = 0; i < 30; i += 2) {
            a.ldpX(i, i + 1, 30, OFF_X + 8 * i);
        }
        a.ldrX(30, 30, OFF_X + 8 * 30);

        a.words(c.code());
        if (c.endBlock()) {
            a.b(4);
        }

        // Free X0 through TPIDR_EL0 and X30 through the dump itself before BL overwrites it.
        a.msr(SysReg.TPIDR_EL0, 0);
        a.addressOf(0, dump);
        a.strX(30, 0, OFF_X + 8 * 30);
        a.bl(r.saveState());
        a.mov64(2, window);
        a.bl(r.writeDump());
        a.bind(next);
    }

    private void emitRoutines(A64Asm a, Routines r, long control, long dump) {
        // loadState(x0 = state block, x1 = resume address, x2 = window bytes): window, status
        // registers, SP, V0..V31.
        a.bind(r.loadState());
        if (catchFaults) {
            a.addressOf(3, control);
            a.stpX(1, 2, 3, CTL_RESUME);
        }
        a.addImm(1, 0, HEADER);
        a.addressOf(3, WINDOW);
        copyLoop(a, 1, 3, 2);
        a.ldrX(1, 0, OFF_NZCV);
        a.msr(SysReg.NZCV, 1);
        a.ldrX(1, 0, OFF_FPCR);
        a.msr(SysReg.FPCR, 1);
        a.ldrX(1, 0, OFF_FPSR);
        a.msr(SysReg.FPSR, 1);
        a.ldrX(1, 0, OFF_SP);
        a.movSp(A64Asm.SP, 1);
        a.msr(SysReg.TPIDR_EL0, A64Asm.XZR); // the dump borrows it; code under test reads 0, whatever ran before
        for (int i = 0; i < 32; i += 2) {
            a.ldpQ(i, i + 1, 0, OFF_V + 16 * i);
        }
        a.ret();

        // saveState(x0 = dump; the case's x0 in TPIDR_EL0, its x30 already stored). BL and
        // RET touch neither NZCV nor SP, so both are still the case's.
        a.bind(r.saveState());
        for (int i = 1; i < 29; i += 2) {
            a.stpX(i, i + 1, 0, OFF_X + 8 * i);
        }
        a.strX(29, 0, OFF_X + 8 * 29);
        a.mrs(1, SysReg.TPIDR_EL0);
        a.strX(1, 0, OFF_X);
        a.movSp(1, A64Asm.SP);
        a.strX(1, 0, OFF_SP);
        a.mrs(1, SysReg.NZCV);
        a.strX(1, 0, OFF_NZCV);
        a.mrs(1, SysReg.FPCR);
        a.strX(1, 0, OFF_FPCR);
        a.mrs(1, SysReg.FPSR);
        a.strX(1, 0, OFF_FPSR);
        if (catchFaults) { // a fault dump of an earlier case may have set them
            a.stpX(A64Asm.XZR, A64Asm.XZR, 0, OFF_SIGNAL);
            a.stpX(A64Asm.XZR, A64Asm.XZR, 0, OFF_SI_ADDR);
        }
        for (int i = 0; i < 32; i += 2) {
            a.stpQ(i, i + 1, 0, OFF_V + 16 * i);
        }
        a.ret();

        // writeDump(x2 = window bytes): the window after the registers, then write(1, dump, len).
        // Uses x0..x4, x8, q0, q1.
        a.bind(r.writeDump());
        a.addressOf(1, WINDOW);
        a.addressOf(3, dump + HEADER);
        a.mov(4, 2);
        copyLoop(a, 1, 3, 4);
        a.addImm(2, 2, HEADER);
        a.movz(0, 1, 0);
        a.addressOf(1, dump);
        a.movz(8, NR_WRITE, 0);
        a.svc(0);
        a.ret();

        if (!catchFaults) {
            return;
        }
        // faultHandler(x0 = signal, x1 = siginfo, x2 = ucontext), on the alternate stack: dump
        // the interrupted state from the signal frame, point the frame's pc at the next case,
        // return through the restorer (rt_sigreturn).
        a.bind(r.faultHandler());
        a.mov(19, 2);
        a.mov(20, 30);
        a.mov(21, 1);
        a.addressOf(4, dump);
        a.addImm(3, 19, UC_REGS);
        for (int i = 0; i < 30; i += 2) {
            a.ldpX(5, 6, 3, 8 * i);
            a.stpX(5, 6, 4, OFF_X + 8 * i);
        }
        a.ldrX(5, 3, 8 * 30);
        a.strX(5, 4, OFF_X + 8 * 30);
        a.ldrX(5, 19, UC_SP);
        a.strX(5, 4, OFF_SP);
        a.ldrX(5, 19, UC_PSTATE);
        a.lsrImm(5, 5, 28); // NZCV only, as MRS NZCV reads it
        a.lslImm(5, 5, 28);
        a.strX(5, 4, OFF_NZCV);
        a.ldrW(5, 19, UC_FPCR);
        a.strX(5, 4, OFF_FPCR);
        a.ldrW(5, 19, UC_FPSR);
        a.strX(5, 4, OFF_FPSR);
        for (int i = 0; i < 32; i += 2) {
            a.ldpQ(0, 1, 19, UC_VREGS + 16 * i);
            a.stpQ(0, 1, 4, OFF_V + 16 * i);
        }
        a.ldrW(5, 21, 0);          // si_signo
        a.strX(5, 4, OFF_SIGNAL);
        a.ldrW(5, 21, SI_CODE);
        a.strX(5, 4, OFF_SI_CODE);
        a.ldrX(5, 21, SI_ADDR);
        a.strX(5, 4, OFF_SI_ADDR);
        a.ldrX(5, 19, UC_PC);
        a.strX(5, 4, OFF_FAULT_PC);
        a.addressOf(5, control);
        a.ldrX(2, 5, CTL_WINDOW);
        a.bl(r.writeDump());
        a.addressOf(5, control);
        a.ldrX(5, 5, CTL_RESUME);
        a.strX(5, 19, UC_PC);
        a.mov(30, 20);
        a.ret();

        a.bind(r.restorer());
        a.movz(8, NR_RT_SIGRETURN, 0);
        a.svc(0);
    }

    /** Copies [count] bytes (a multiple of 32, maybe 0) from [from] to [to] through q0/q1; all three advance. */
    private static void copyLoop(A64Asm a, int from, int to, int count) {
        A64Asm.Label loop = a.newLabel();
        A64Asm.Label done = a.newLabel();
        a.cbz(count, done);
        a.bind(loop);
        a.pairQ(true, Index.POST, 0, 1, from, 32);
        a.pairQ(false, Index.POST, 0, 1, to, 32);
        a.subImm(count, count, 32);
        a.cbnz(count, loop);
        a.bind(done);
    }

    private static int roundUp(int v, int to) {
        return (v + to - 1) / to * to;
    }

    private static long roundUp(long v, long to) {
        return (v + to - 1) / to * to;
    }
}
