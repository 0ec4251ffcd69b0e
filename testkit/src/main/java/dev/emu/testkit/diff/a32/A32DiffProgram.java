package dev.emu.testkit.diff.a32;

import dev.emu.testkit.asm.A32Asm;
import dev.emu.testkit.diff.DiffDump;
import dev.emu.testkit.diff.DiffProgram;
import dev.emu.testkit.diff.DumpLayout;
import dev.emu.testkit.elf.ElfWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The AArch32 Linux diff program (EABI5, little-endian, A32 code with Thumb cases). For each
 * case, in order:
 * <ol>
 * <li>copy the case's window bytes to {@link #WINDOW} and load the APSR flags (subroutine);</li>
 * <li>load R0..R13 with one LDM from the state block and R14 last; a Thumb case switches with
 *     BX first and loads R14 with MOVW/MOVT in Thumb;</li>
 * <li>run the code under test;</li>
 * <li>free R0 through TPIDRURW (the user read/write thread register), store R14, return to A32
 *     for a Thumb case, store R1..R13, R0, the APSR (MRS) and the window into the dump buffer,
 *     {@code write(1, dump, len)}.</li>
 * </ol>
 * After the last case, {@code exit(0)}. The state block and the dump share one layout: offsets
 * 0 r0..r14 (4 bytes each), 60 apsr, 64 the window. Needs only {@code write} and {@code exit};
 * a fault ends the program.
 */
public final class A32DiffProgram implements DiffProgram<A32Case> {
    public static final A32DiffProgram INSTANCE = new A32DiffProgram(false);
    /** Also loads and dumps FPSCR and D0..D31 (VLDM/VSTM, VMRS/VMSR): for VFP classes. */
    public static final A32DiffProgram WITH_VFP = new A32DiffProgram(true);

    public static final long TEXT = 0x10000L;
    /** The scratch memory window every case sees. */
    public static final long WINDOW = 0x10000000L;
    public static final int MAX_WINDOW = 0x10000;

    static final int OFF_R = 0;
    static final int OFF_APSR = 60;
    static final int HEADER = 64;
    static final int OFF_FPSCR = 64;
    static final int OFF_D = 72;
    static final int HEADER_VFP = OFF_D + 256;
    private static final int NR_WRITE = 4;
    private static final int NR_EXIT = 1;
    /** EF_ARM_EABI_VER5 | EF_ARM_ABI_FLOAT_HARD, as Debian's armhf binaries carry. */
    private static final int E_FLAGS = 0x0500_0400;

    private static final DumpLayout.Format APSR_FORMAT = (d, off, size, order) ->
            DumpLayout.Format.HEX.format(d, off, size, order) + " ("
                    + A32State.flags(ByteBuffer.wrap(d, off, 4).order(ByteOrder.LITTLE_ENDIAN).getInt()) + ")";

    private static final ConcurrentHashMap<Integer, DumpLayout> LAYOUTS = new ConcurrentHashMap<>();

    private final boolean vfp;
    private final int header;

    private A32DiffProgram(boolean vfp) {
        this.vfp = vfp;
        this.header = vfp ? HEADER_VFP : HEADER;
    }

    @Override
    public DumpLayout layout(A32Case c) {
        return layout(c.init().windowBytes(), vfp);
    }

    public static DumpLayout layout(int windowBytes) {
        return layout(windowBytes, false);
    }

    public static DumpLayout layout(int windowBytes, boolean vfp) {
        return LAYOUTS.computeIfAbsent(vfp ? ~windowBytes : windowBytes, k -> {
            DumpLayout.Builder b = DumpLayout.builder(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < 15; i++) {
                b.hex("r" + i, 4);
            }
            b.field("apsr", 4, APSR_FORMAT);
            if (vfp) {
                b.hex("fpscr", 4).skip(4);
                for (int i = 0; i < 32; i++) {
                    b.hex("d" + i, 8);
                }
            }
            return b.memory("mem", windowBytes, 16).build();
        });
    }

    /** The dump a case whose code changes nothing would write. */
    public static DiffDump dumpOf(A32State s) {
        ByteBuffer b = ByteBuffer.allocate(HEADER + s.windowBytes()).order(ByteOrder.LITTLE_ENDIAN);
        putState(b, s, false);
        return new DiffDump(layout(s.windowBytes()), b.array());
    }

    private static void putState(ByteBuffer b, A32State s, boolean vfp) {
        int base = b.position();
        for (int i = 0; i < 15; i++) {
            b.putInt(base + OFF_R + 4 * i, s.r[i]);
        }
        b.putInt(base + OFF_APSR, s.apsr);
        if (vfp) {
            b.putInt(base + OFF_FPSCR, s.fpscr);
            for (int i = 0; i < 32; i++) {
                b.putLong(base + OFF_D + 8 * i, s.d[i]);
            }
        }
        b.position(base + (vfp ? HEADER_VFP : HEADER));
        b.put(s.mem);
    }

    private record Routines(A32Asm.Label loadState, A32Asm.Label saveRegs, A32Asm.Label writeDump) {}

    @Override
    public byte[] build(List<A32Case> cases) {
        int maxWindow = 0;
        int blocks = 0;
        for (A32Case c : cases) {
            maxWindow = Math.max(maxWindow, c.init().windowBytes());
            blocks += header + c.init().windowBytes();
        }
        int windowArea = Math.max(4096, (maxWindow + 4095) / 4096 * 4096);
        long stateBase = WINDOW + windowArea;
        long dump = (stateBase + blocks + 15) / 16 * 16;
        long dataEnd = dump + header + maxWindow;

        ByteBuffer data = ByteBuffer.allocate(windowArea + blocks).order(ByteOrder.LITTLE_ENDIAN);
        A32Asm a = new A32Asm(TEXT);
        Routines r = new Routines(a.newLabel(), a.newLabel(), a.newLabel());
        long block = stateBase;
        for (A32Case c : cases) {
            data.position((int) (block - WINDOW));
            putState(data, c.init(), vfp);
            emitCase(a, r, c, block, dump);
            block += header + c.init().windowBytes();
        }
        a.movw(0, 0);
        a.movw(7, NR_EXIT);
        a.svc();
        emitRoutines(a, r, dump);
        return new ElfWriter(ElfWriter.ELFCLASS32, ByteOrder.LITTLE_ENDIAN, ElfWriter.EM_ARM)
                .flags(E_FLAGS)
                .text(TEXT, a.bytes())
                .data(WINDOW, data.array(), dataEnd - (WINDOW + data.capacity()))
                .entry(TEXT)
                .toBytes();
    }

    private static void emitCase(A32Asm a, Routines r, A32Case c, long block, long dump) {
        int window = c.init().windowBytes();
        a.mov32(0, block);
        a.movw(2, window);
        a.bl(r.loadState());
        a.movw(14, (int) block & 0xFFFF).movt(14, (int) (block >>> 16));
        a.ldm(14, 0x3FFF); // r0..r13
        if (!c.thumb()) {
            a.ldr(14, 14, OFF_R + 4 * 14);
            for (int w : c.code()) {
                a.word(w);
            }
            a.writeTpidrurw(0);
            a.movw(0, (int) dump & 0xFFFF).movt(0, (int) (dump >>> 16));
            a.str(14, 0, OFF_R + 4 * 14);
        } else {
            long entry = a.pc() + 12;
            a.movw(14, (int) (entry | 1) & 0xFFFF).movt(14, (int) (entry >>> 16));
            a.bx(14);
            a.tMov32(14, c.init().r[14] & 0xFFFF_FFFFL);
            for (int h : c.code()) {
                a.half(h);
            }
            long cont = (a.pc() + 26 + 3) & ~3L;
            a.tWriteTpidrurw(0);
            a.tMov32(0, dump);
            a.tStr(14, 0, OFF_R + 4 * 14);
            a.tMov32(14, cont);
            a.tBx(14);
            a.align(4);
            if (a.pc() != cont) {
                throw new IllegalStateException("thumb epilogue size");
            }
        }
        a.bl(r.saveRegs());
        a.movw(2, window);
        a.bl(r.writeDump());
    }

    private void emitRoutines(A32Asm a, Routines r, long dump) {
        // loadState(r0 = state block, r2 = window bytes): the window, then the APSR.
        a.bind(r.loadState());
        a.addLarge(1, 0, header);
        a.mov32(3, WINDOW);
        copyLoop(a, 1, 3, 2);
        a.ldr(1, 0, OFF_APSR);
        a.msr(1);
        if (vfp) {
            a.ldr(1, 0, OFF_FPSCR);
            a.vmsrFpscr(1);
            a.addImm(1, 0, OFF_D);
            a.vldmia16(1, false, true);
            a.vldmia16(1, true, false);
        }
        a.bx(14);

        // saveRegs(r0 = dump; the case's r0 in TPIDRURW, its r14 already stored).
        a.bind(r.saveRegs());
        a.stmib(0, 0x3FFE); // r1..r13 at +4..+52
        a.mrs(1);
        a.str(1, 0, OFF_APSR);
        a.readTpidrurw(1);
        a.str(1, 0, OFF_R);
        if (vfp) {
            a.vmrsFpscr(1);
            a.str(1, 0, OFF_FPSCR);
            a.addImm(1, 0, OFF_D);
            a.vstmia16(1, false, true);
            a.vstmia16(1, true, false);
        }
        a.bx(14);

        // writeDump(r2 = window bytes): the window after the registers, then write(1, dump, len).
        a.bind(r.writeDump());
        a.mov(5, 2);
        a.mov32(1, WINDOW);
        a.mov32(3, dump + header);
        copyLoop(a, 1, 3, 2);
        a.addLarge(2, 5, header);
        a.movw(0, 1);
        a.mov32(1, dump);
        a.movw(7, NR_WRITE);
        a.svc();
        a.bx(14);
    }

    /** Copies [count] bytes (a multiple of 4, maybe 0) from [from] to [to] through r4; all three change. */
    private static void copyLoop(A32Asm a, int from, int to, int count) {
        A32Asm.Label loop = a.newLabel();
        A32Asm.Label done = a.newLabel();
        a.cmpImm(count, 0);
        a.b(A32Asm.Cond.EQ, done);
        a.bind(loop);
        a.ldrPost4(4, from);
        a.strPost4(4, to);
        a.subsImm(count, count, 4);
        a.b(A32Asm.Cond.NE, loop);
        a.bind(done);
    }
}
