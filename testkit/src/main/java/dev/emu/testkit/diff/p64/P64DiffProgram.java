package dev.emu.testkit.diff.p64;

import dev.emu.testkit.asm.P64Asm;
import dev.emu.testkit.diff.DiffDump;
import dev.emu.testkit.diff.DiffProgram;
import dev.emu.testkit.diff.DumpLayout;
import dev.emu.testkit.elf.ElfWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ppc64le Linux diff program (ELF v2, little-endian). For each case, in order:
 * <ol>
 * <li>copy the case's window bytes to {@link #WINDOW} (subroutine);</li>
 * <li>point r31 at the case's state block, load LR, CTR, XER and CR through r0, then r0..r30,
 *     then r31 itself;</li>
 * <li>run the code under test;</li>
 * <li>free r31 by storing it at {@link #SCRATCH} with a D-form store whose base is (RA|0) = 0
 *     (the only addressing that needs no register: the program maps a page there), point r31
 *     at the dump, store r0..r30, the saved r31, LR, CTR, XER, CR and the window,
 *     {@code write(1, dump, len)}.</li>
 * </ol>
 * After the last case, {@code exit(0)}. The state block and the dump share one layout:
 * offsets 0 r0..r31 (8 bytes each), 256 lr, 264 ctr, 272 xer, 280 cr (low word), 288 the window.
 * Needs only {@code write} and {@code exit}; a fault ends the program.
 */
public final class P64DiffProgram implements DiffProgram<P64Case> {
    public static final P64DiffProgram INSTANCE = new P64DiffProgram();

    /** The page the epilogue parks r31 in: low enough for a D-form address with RA = 0. */
    public static final long SCRATCH = 0x7000L;
    public static final long TEXT = 0x1000_0000L;
    /** The scratch memory window every case sees. */
    public static final long WINDOW = 0x2000_0000L;
    public static final int MAX_WINDOW = 0x8000;

    static final int OFF_R = 0;
    static final int OFF_LR = 256;
    static final int OFF_CTR = 264;
    static final int OFF_XER = 272;
    static final int OFF_CR = 280;
    static final int HEADER = 288;
    private static final int NR_WRITE = 4;
    private static final int NR_EXIT = 1;
    /** e_flags: ELF v2 ABI. */
    private static final int E_FLAGS = 2;

    private static final DumpLayout.Format XER_FORMAT = (d, off, size, order) ->
            DumpLayout.Format.HEX.format(d, off, size, order) + " ("
                    + P64State.xerFlags(ByteBuffer.wrap(d, off, 8).order(ByteOrder.LITTLE_ENDIAN).getLong()) + ")";

    private static final ConcurrentHashMap<Integer, DumpLayout> LAYOUTS = new ConcurrentHashMap<>();

    private P64DiffProgram() {}

    @Override
    public DumpLayout layout(P64Case c) {
        return layout(c.init().windowBytes());
    }

    public static DumpLayout layout(int windowBytes) {
        return LAYOUTS.computeIfAbsent(windowBytes, k -> {
            DumpLayout.Builder b = DumpLayout.builder(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < 32; i++) {
                b.hex("r" + i, 8);
            }
            b.hex("lr", 8).hex("ctr", 8).field("xer", 8, XER_FORMAT).hex("cr", 4).skip(4);
            return b.memory("mem", windowBytes, 16).build();
        });
    }

    /** The dump a case whose code changes nothing would write. */
    public static DiffDump dumpOf(P64State s) {
        ByteBuffer b = ByteBuffer.allocate(HEADER + s.windowBytes()).order(ByteOrder.LITTLE_ENDIAN);
        putState(b, s);
        return new DiffDump(layout(s.windowBytes()), b.array());
    }

    private static void putState(ByteBuffer b, P64State s) {
        int base = b.position();
        for (int i = 0; i < 32; i++) {
            b.putLong(base + OFF_R + 8 * i, s.r[i]);
        }
        b.putLong(base + OFF_LR, s.lr).putLong(base + OFF_CTR, s.ctr).putLong(base + OFF_XER, s.xer)
                .putInt(base + OFF_CR, s.cr);
        b.position(base + HEADER);
        b.put(s.mem);
    }

    private record Routines(P64Asm.Label loadWindow, P64Asm.Label writeDump) {}

    @Override
    public byte[] build(List<P64Case> cases) {
        int maxWindow = 0;
        int blocks = 0;
        for (P64Case c : cases) {
            maxWindow = Math.max(maxWindow, c.init().windowBytes());
            blocks += HEADER + c.init().windowBytes();
        }
        int windowArea = Math.max(4096, (maxWindow + 4095) / 4096 * 4096);
        long stateBase = WINDOW + windowArea;
        long dump = (stateBase + blocks + 15) / 16 * 16;
        long dataEnd = dump + HEADER + maxWindow;

        ByteBuffer data = ByteBuffer.allocate(windowArea + blocks).order(ByteOrder.LITTLE_ENDIAN);
        P64Asm a = new P64Asm(TEXT);
        Routines r = new Routines(a.newLabel(), a.newLabel());
        long block = stateBase;
        for (P64Case c : cases) {
            data.position((int) (block - WINDOW));
            putState(data, c.init());
            emitCase(a, r, c, block, dump);
            block += HEADER + c.init().windowBytes();
        }
        a.li(3, 0);
        a.li(0, NR_EXIT);
        a.sc();
        emitRoutines(a, r, dump);
        return new ElfWriter(ElfWriter.ELFCLASS64, ByteOrder.LITTLE_ENDIAN, ElfWriter.EM_PPC64)
                .flags(E_FLAGS)
                .align(0x1000)
                .data(SCRATCH, new byte[8], 0)
                .text(TEXT, a.bytes())
                .data(WINDOW, data.array(), dataEnd - (WINDOW + data.capacity()))
                .entry(TEXT)
                .toBytes();
    }

    private static void emitCase(P64Asm a, Routines r, P64Case c, long block, long dump) {
        int window = c.init().windowBytes();
        a.li64(3, block + HEADER);
        a.li(4, window / 8);
        a.bl(r.loadWindow());
        a.li64(31, block);
        a.ld(0, 31, OFF_LR).mtlr(0);
        a.ld(0, 31, OFF_CTR).mtctr(0);
        a.ld(0, 31, OFF_XER).mtxer(0);
        a.lwz(0, 31, OFF_CR).mtcr(0);
        for (int i = 0; i < 31; i++) {
            a.ld(i, 31, OFF_R + 8 * i);
        }
        a.ld(31, 31, OFF_R + 8 * 31);
        a.words(c.code());
        a.std(31, 0, (int) SCRATCH);
        a.li64(31, dump);
        for (int i = 0; i < 31; i++) {
            a.std(i, 31, OFF_R + 8 * i);
        }
        a.ld(0, 0, (int) SCRATCH).std(0, 31, OFF_R + 8 * 31);
        a.mflr(0).std(0, 31, OFF_LR);
        a.mfctr(0).std(0, 31, OFF_CTR);
        a.mfxer(0).std(0, 31, OFF_XER);
        a.mfcr(0).std(0, 31, OFF_CR);
        a.li(4, window / 8);
        a.bl(r.writeDump());
    }

    private static void emitRoutines(P64Asm a, Routines r, long dump) {
        // loadWindow(r3 = the block's window bytes, r4 = doublewords): copies them to WINDOW.
        a.bind(r.loadWindow());
        a.li64(5, WINDOW);
        copyLoop(a, 3, 5, 4);
        a.blr();

        // writeDump(r4 = window doublewords): the window after the registers, then write(1, dump, len).
        a.bind(r.writeDump());
        a.mr(7, 4);
        a.li64(3, WINDOW);
        a.li64(5, dump + HEADER);
        copyLoop(a, 3, 5, 4);
        a.rldicr(5, 7, 3, 60); // window bytes
        a.addi(5, 5, HEADER);
        a.li(3, 1);
        a.li64(4, dump);
        a.li(0, NR_WRITE);
        a.sc();
        a.blr();
    }

    /** Copies [count] doublewords (maybe 0) from [from] to [to] through r6 and CTR; all change. */
    private static void copyLoop(P64Asm a, int from, int to, int count) {
        P64Asm.Label loop = a.newLabel();
        P64Asm.Label done = a.newLabel();
        a.cmpdi(0, count, 0);
        a.bc(P64Asm.BO_TRUE, 2, done); // beq
        a.mtctr(count);
        a.addi(from, from, -8).addi(to, to, -8);
        a.bind(loop);
        a.ldu(6, from, 8);
        a.stdu(6, to, 8);
        a.bc(P64Asm.BO_DNZ, 0, loop); // bdnz
        a.bind(done);
    }
}
