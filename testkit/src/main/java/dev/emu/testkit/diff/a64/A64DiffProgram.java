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
 * ({@link #layout}): offsets 0 x0..x30, 248 sp, 256 nzcv, 264 fpcr, 272 fpsr, 288 v0..v31 (16
 * bytes each, little-endian), 800 the window.
 *
 * <p>Memory map: text at {@link #TEXT}; one data segment at {@link #WINDOW} holding the window
 * (up to {@link #MAX_WINDOW} bytes, rounded up to a page), then the cases' state blocks, then
 * the dump buffer as bss.
 */
public final class A64DiffProgram implements DiffProgram<A64Case> {
    public static final A64DiffProgram INSTANCE = new A64DiffProgram();

    public static final long TEXT = 0x400000L;
    /** The scratch memory window every case sees. */
    public static final long WINDOW = 0x10000000L;
    public static final int MAX_WINDOW = 0x10000;

    static final int OFF_X = 0;
    static final int OFF_SP = 248;
    static final int OFF_NZCV = 256;
    static final int OFF_FPCR = 264;
    static final int OFF_FPSR = 272;
    static final int OFF_V = 288;
    static final int HEADER = 800;

    private static final int NR_WRITE = 64;
    private static final int NR_EXIT = 93;

    private static final DumpLayout.Format NZCV_FORMAT = (d, off, size, order) ->
            DumpLayout.Format.HEX.format(d, off, size, order) + " ("
                    + A64State.flags(ByteBuffer.wrap(d, off, 8).order(ByteOrder.LITTLE_ENDIAN).getLong()) + ")";

    private A64DiffProgram() {}

    @Override
    public DumpLayout layout(A64Case c) {
        return layout(c.init().windowBytes());
    }

    public static DumpLayout layout(int windowBytes) {
        return LAYOUTS.computeIfAbsent(windowBytes, A64DiffProgram::newLayout);
    }

    private static final java.util.concurrent.ConcurrentHashMap<Integer, DumpLayout> LAYOUTS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static DumpLayout newLayout(int windowBytes) {
        DumpLayout.Builder b = DumpLayout.builder(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 31; i++) {
            b.hex("x" + i, 8);
        }
        b.hex("sp", 8).field("nzcv", 8, NZCV_FORMAT).hex("fpcr", 8).hex("fpsr", 8).skip(8);
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
        long stateBase = WINDOW + windowArea;
        long dumpBuffer = roundUp(stateBase + blocks, 16);

        ByteBuffer data = ByteBuffer.allocate(windowArea + blocks).order(ByteOrder.LITTLE_ENDIAN);
        A64Asm a = new A64Asm(TEXT);
        Routines r = new Routines(a.newLabel(), a.newLabel(), a.newLabel());
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
        emitRoutines(a, r, dumpBuffer);

        return new ElfWriter(ElfWriter.ELFCLASS64, ByteOrder.LITTLE_ENDIAN, ElfWriter.EM_AARCH64)
                .text(TEXT, a.bytes())
                .data(WINDOW, data.array(), dumpBuffer + HEADER + maxWindow - (WINDOW + data.capacity()))
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
     * The work common to every case lives in three subroutines, so each case adds about 30
     * instructions besides its own: a translator (qemu's or ours) then spends its time on the
     * code under test, not on copies of the same loads and stores.
     */
    private record Routines(A64Asm.Label loadState, A64Asm.Label saveState, A64Asm.Label writeDump) {}

    private static void emitCase(A64Asm a, Routines r, A64Case c, long block, long dump) {
        int window = c.init().windowBytes();
        // The window, NZCV, FPCR, FPSR, SP, V0..V31; then X0..X30 inline, X30 (the base) last.
        a.addressOf(0, block);
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
    }

    private static void emitRoutines(A64Asm a, Routines r, long dump) {
        // loadState(x0 = state block, x2 = window bytes): window, status registers, SP, V0..V31.
        a.bind(r.loadState());
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
        for (int i = 0; i < 32; i += 2) {
            a.stpQ(i, i + 1, 0, OFF_V + 16 * i);
        }
        a.ret();

        // writeDump(x2 = window bytes): the window after the registers, then write(1, dump, len).
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
