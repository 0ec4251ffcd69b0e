package dev.emu.testkit.diff.x86;

import dev.emu.testkit.asm.X86Asm;
import dev.emu.testkit.diff.DiffDump;
import dev.emu.testkit.diff.DiffProgram;
import dev.emu.testkit.diff.DumpLayout;
import dev.emu.testkit.elf.ElfWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The x86-64 Linux diff program. For each case, in order:
 * <ol>
 * <li>copy the case's window bytes to {@link #WINDOW} with REP MOVSB (a fixed address, so a
 *     case gives the same results alone or in any batch);</li>
 * <li>with {@link #WITH_XMM}: LDMXCSR and MOVDQU XMM0..15 from the case's state block;</li>
 * <li>save the program's RSP in the control block; PUSH the case's RFLAGS, POPFQ; load
 *     RAX..R15 but RSP from the state block with absolute-address MOVs; load RSP last;</li>
 * <li>run the code under test (and {@code JMP .+2} if the case asks to end the block);</li>
 * <li>store RAX..R15 and RSP into the dump buffer, restore the program's RSP, PUSHFQ and POP
 *     the flags into the dump, AND them with the case's flag mask (the flags the manuals
 *     leave undefined for the instruction are cleared before comparison, in the guest, so
 *     every runner is judged on the same bits); with {@link #WITH_XMM}: STMXCSR, MOVDQU;</li>
 * <li>call the shared routine that copies the window into the dump and calls
 *     {@code write(1, dump, len)}.</li>
 * </ol>
 * After the last case, {@code exit(0)}. Absolute addressing keeps every register free for
 * the code under test: all program data lives below 2 GiB. The state block and the dump
 * share one layout: offsets 0 rax..r15 (encoding order, 8 bytes each), 128 rflags, 136 mxcsr,
 * 256 xmm0..15 (16 bytes each, little-endian), 512 the window.
 *
 * <p>Only {@code write} and {@code exit} are needed from the runner; a fault ends the
 * program (the campaign then judges the case by the signal). {@link #INSTANCE} leaves the
 * XMM registers and MXCSR alone (the integer campaigns; the core under test need not
 * implement SSE moves), {@link #WITH_XMM} loads and compares them.
 */
public final class X86DiffProgram implements DiffProgram<X86Case> {
    public static final X86DiffProgram INSTANCE = new X86DiffProgram(false);
    public static final X86DiffProgram WITH_XMM = new X86DiffProgram(true);

    public static final long TEXT = 0x400000L;
    /** The scratch memory window every case sees. */
    public static final long WINDOW = 0x10000000L;
    public static final int MAX_WINDOW = 0x10000;

    static final int OFF_GPR = 0;
    static final int OFF_RFLAGS = 128;
    static final int OFF_MXCSR = 136;
    static final int OFF_XMM = 256;
    static final int HEADER = 512;
    private static final int CONTROL = 64;
    private static final int CTL_SAVED_RSP = 0;

    private static final int NR_WRITE = 1;
    private static final int NR_EXIT = 60;

    private static final DumpLayout.Format FLAGS_FORMAT = (d, off, size, order) ->
            DumpLayout.Format.HEX.format(d, off, size, order) + " ("
                    + X86State.flags(ByteBuffer.wrap(d, off, 8).order(ByteOrder.LITTLE_ENDIAN).getLong()) + ")";

    private static final ConcurrentHashMap<Integer, DumpLayout> LAYOUTS = new ConcurrentHashMap<>();

    private final boolean withXmm;

    private X86DiffProgram(boolean withXmm) {
        this.withXmm = withXmm;
    }

    @Override
    public DumpLayout layout(X86Case c) {
        return layout(c.init().windowBytes(), withXmm);
    }

    public static DumpLayout layout(int windowBytes, boolean withXmm) {
        return LAYOUTS.computeIfAbsent(withXmm ? ~windowBytes : windowBytes, k -> newLayout(windowBytes, withXmm));
    }

    private static DumpLayout newLayout(int windowBytes, boolean withXmm) {
        DumpLayout.Builder b = DumpLayout.builder(ByteOrder.LITTLE_ENDIAN);
        for (String n : X86State.GPR_NAMES) {
            b.hex(n, 8);
        }
        b.field("rflags", 8, FLAGS_FORMAT);
        if (withXmm) {
            b.hex("mxcsr", 8).skip(OFF_XMM - OFF_MXCSR - 8);
            for (int i = 0; i < 16; i++) {
                b.hex("xmm" + i, 16);
            }
        } else {
            b.skip(HEADER - OFF_MXCSR);
        }
        return b.memory("mem", windowBytes, 16).build();
    }

    /** The dump of a case whose code changes nothing but RFLAGS masking: {@code s} itself. */
    public static DiffDump dumpOf(X86State s, long flagMask, boolean withXmm) {
        ByteBuffer b = ByteBuffer.allocate(HEADER + s.windowBytes()).order(ByteOrder.LITTLE_ENDIAN);
        putState(b, s);
        b.putLong(OFF_RFLAGS, s.rflags & flagMask);
        if (!withXmm) {
            for (int k = OFF_MXCSR; k < HEADER; k++) {
                b.put(k, (byte) 0);
            }
        }
        return new DiffDump(layout(s.windowBytes(), withXmm), b.array());
    }

    @Override
    public byte[] build(List<X86Case> cases) {
        int maxWindow = 0;
        int blocks = 0;
        for (X86Case c : cases) {
            maxWindow = Math.max(maxWindow, c.init().windowBytes());
            blocks += HEADER + c.init().windowBytes();
        }
        int windowArea = Math.max(4096, roundUp(maxWindow, 4096));
        long control = WINDOW + windowArea;
        long stateBase = control + CONTROL;
        long dump = roundUp(stateBase + blocks, 16);
        long dataEnd = dump + HEADER + maxWindow;
        if (dataEnd > Integer.MAX_VALUE) {
            throw new IllegalStateException("program data beyond 2 GiB");
        }

        ByteBuffer data = ByteBuffer.allocate(windowArea + CONTROL + blocks).order(ByteOrder.LITTLE_ENDIAN);
        X86Asm a = new X86Asm(TEXT);
        X86Asm.Label writeDump = a.newLabel();
        long block = stateBase;
        for (X86Case c : cases) {
            data.position((int) (block - WINDOW));
            putState(data, c.init());
            emitCase(a, c, block, control, dump, writeDump);
            block += HEADER + c.init().windowBytes();
        }
        a.movImm32(X86Asm.RAX, NR_EXIT);
        a.movImm32(X86Asm.RDI, 0);
        a.syscall();
        // writeDump(ecx = window bytes, edx = dump length): window -> dump, write(1, dump, edx)
        a.bind(writeDump);
        a.cld();
        a.movImm32(X86Asm.RSI, (int) WINDOW);
        a.movImm32(X86Asm.RDI, (int) (dump + HEADER));
        a.repMovsb();
        a.movImm32(X86Asm.RAX, NR_WRITE);
        a.movImm32(X86Asm.RDI, 1);
        a.movImm32(X86Asm.RSI, (int) dump);
        a.syscall();
        a.ret();

        return new ElfWriter(ElfWriter.ELFCLASS64, ByteOrder.LITTLE_ENDIAN, ElfWriter.EM_X86_64)
                .text(TEXT, a.toBytes())
                .data(WINDOW, data.array(), dataEnd - (WINDOW + data.capacity()))
                .entry(TEXT)
                .toBytes();
    }

    private static void putState(ByteBuffer b, X86State s) {
        int base = b.position();
        for (int i = 0; i < 16; i++) {
            b.putLong(base + OFF_GPR + 8 * i, s.gpr[i]);
        }
        b.putLong(base + OFF_RFLAGS, s.rflags & X86State.FLAG_BITS);
        b.putLong(base + OFF_MXCSR, s.mxcsr);
        for (int i = 0; i < 16; i++) {
            b.putLong(base + OFF_XMM + 16 * i, s.xmmLo[i]);
            b.putLong(base + OFF_XMM + 16 * i + 8, s.xmmHi[i]);
        }
        b.position(base + HEADER);
        b.put(s.mem);
    }

    private void emitCase(X86Asm a, X86Case c, long block, long control, long dump, X86Asm.Label writeDump) {
        int window = c.init().windowBytes();
        // 1. the window (DF is clear here: the previous case's flags were saved before CLD)
        a.cld();
        a.movImm32(X86Asm.RSI, (int) (block + HEADER));
        a.movImm32(X86Asm.RDI, (int) WINDOW);
        a.movImm32(X86Asm.RCX, window);
        a.repMovsb();
        if (withXmm) {
            a.ldmxcsr(block + OFF_MXCSR);
            for (int i = 0; i < 16; i++) {
                a.movdquLoad(i, block + OFF_XMM + 16 * i);
            }
        }
        // 2. flags, registers, RSP last
        a.movStore(control + CTL_SAVED_RSP, X86Asm.RSP);
        a.pushAbs(block + OFF_RFLAGS);
        a.popfq();
        for (int r = 0; r < 16; r++) {
            if (r != X86Asm.RSP) {
                a.movLoad(r, block + OFF_GPR + 8 * r);
            }
        }
        a.movLoad(X86Asm.RSP, block + OFF_GPR + 8 * X86Asm.RSP);
        // 3. the code under test
        a.bytes(c.code());
        if (c.endBlock()) {
            a.bytes(0xEB, 0x00);
        }
        // 4. save (MOV does not touch the flags)
        for (int r = 0; r < 16; r++) {
            a.movStore(dump + OFF_GPR + 8 * r, r);
        }
        a.movLoad(X86Asm.RSP, control + CTL_SAVED_RSP);
        a.pushfq();
        a.popAbs(dump + OFF_RFLAGS);
        a.andAbs(dump + OFF_RFLAGS, (int) c.flagMask());
        if (withXmm) {
            a.stmxcsr(dump + OFF_MXCSR);
            for (int i = 0; i < 16; i++) {
                a.movdquStore(dump + OFF_XMM + 16 * i, i);
            }
        }
        a.movImm32(X86Asm.RCX, window);
        a.movImm32(X86Asm.RDX, HEADER + window);
        a.call(writeDump);
    }

    private static int roundUp(int v, int to) {
        return (v + to - 1) / to * to;
    }

    private static long roundUp(long v, long to) {
        return (v + to - 1) / to * to;
    }
}
