package dev.emu.arm64;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.arm64.lift.Fields;
import dev.emu.arm64.lift.Handler;
import dev.emu.arm64.lift.LiftContext;
import dev.emu.core.cpu.CpuState;
import dev.emu.core.decode.DecodeTable;
import dev.emu.core.interp.IrInterpreter;
import dev.emu.core.ir.IrBuilder;
import dev.emu.core.isa.LiftRequest;
import dev.emu.core.mem.AddressSpace;
import dev.emu.core.mem.Prot;
import dev.emu.testkit.Fixtures;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The SIMD&FP data-processing lifters against qemu-aarch64-static (Debian's qemu-user-static)
 * as an oracle: random allocated encodings of every row run on random register values
 * (NaNs, denormals, infinities, integer extremes) under random FPCR settings (rounding
 * modes, FZ, DN), inside a small static ELF this test writes; every V and X register, FPSR
 * and NZCV (and memory, for the structure loads and stores) must match. qemu comes from the
 * fixture cache or the system; without it the test skips (fails under CI, like the other
 * qemu diff tests).
 */
class FpSimdQemuOracleTest {
    private static final long BASE = 0x40_0000L;
    private static final int IN = 16 + 512 + 256, OUT = 512 + 256 + 16, MEM = 256, CASE = IN + OUT + MEM;
    /** The base register of the structure loads and stores, pointed at the case's memory. */
    private static final int BASE_REG = 20;
    private static final long[] FPCRS = {0, 1L << 22, 2L << 22, 3L << 22, 1L << 24, 1L << 25, 1L << 24 | 1L << 25,
        1L << 24 | 2L << 22, 1L << 25 | 3L << 22};

    record Case(int word, long fpcr, long nzcv, long[] v, long[] x, byte[] mem) {}

    @Test
    void dataProcessingMatchesQemu() throws Exception {
        compare(false);
    }

    @Test
    void structureLoadsAndStoresMatchQemu() throws Exception {
        compare(true);
    }

    private static void compare(boolean loadStore) throws Exception {
        Path qemu = qemu();
        Random rnd = new Random(Long.getLong("oracle.seed", 12));
        List<Case> cases = new ArrayList<>();
        for (DecodeTable.Entry<Handler> e : A64Decoder.TABLE.entries()) {
            boolean mine = e.name().startsWith("SIMD_") || e.name().startsWith("FP_") || e.name().startsWith("CRYPTO_");
            if (!mine || e.name().startsWith("SIMD_ldst") != loadStore) {
                continue;
            }
            int found = 0;
            for (int i = 0; i < 100_000 && found < Integer.getInteger("oracle.perRow", 300); i++) {
                int w = e.pattern().value() | (rnd.nextInt() & ~e.pattern().mask());
                if (loadStore) {
                    w = (w & ~(31 << 5)) | BASE_REG << 5;
                }
                if (A64Decoder.TABLE.lookup(w) == e && lifts(e, w)) {
                    cases.add(randomCase(rnd, w));
                    found++;
                }
            }
        }
        String only = System.getProperty("oracle.words"); // e.g. -Doracle.words=1e7e0020,1e684020
        if (only != null && !loadStore) {
            cases.clear();
            for (String h : only.split(",")) {
                for (int i = 0; i < Integer.getInteger("oracle.perRow", 300); i++) {
                    cases.add(randomCase(rnd, (int) Long.parseLong(h.trim(), 16)));
                }
            }
        }
        long buf = bufferAddress(cases.size());
        if (loadStore) {
            for (int i = 0; i < cases.size(); i++) {
                cases.get(i).x[BASE_REG] = memAddress(buf, i);
            }
        }
        byte[] out = runQemu(qemu, cases);
        List<String> diffs = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            ByteBuffer q = ByteBuffer.wrap(out, i * CASE + IN, OUT).order(ByteOrder.LITTLE_ENDIAN);
            CpuState s = emulate(c, loadStore ? memAddress(buf, i) : 0);
            StringBuilder d = new StringBuilder();
            if (loadStore) {
                byte[] ours = new byte[MEM];
                s.mem.peek(memAddress(buf, i), ours, 0, MEM);
                byte[] theirs = java.util.Arrays.copyOfRange(out, i * CASE + IN + OUT, (i + 1) * CASE);
                if (!java.util.Arrays.equals(ours, theirs)) {
                    d.append(" memory differs");
                }
            }
            for (int r = 0; r < 32; r++) {
                long lo = q.getLong(), hi = q.getLong();
                if (lo != s.regs[Arm64Registers.vlo(r)] || hi != s.regs[Arm64Registers.vhi(r)]) {
                    d.append(String.format(" v%d qemu %016x:%016x ours %016x:%016x", r, hi, lo,
                            s.regs[Arm64Registers.vhi(r)], s.regs[Arm64Registers.vlo(r)]));
                }
            }
            for (int r = 0; r < 32; r++) {
                long x = q.getLong();
                if (r < 31 && x != s.regs[Arm64Registers.X0 + r]) {
                    d.append(String.format(" x%d qemu %x ours %x", r, x, s.regs[Arm64Registers.X0 + r]));
                }
            }
            long fpsr = q.getLong() & 0x0800_009FL, nzcv = q.getLong() >>> 28 & 15;
            long ourNzcv = s.regs[Arm64Registers.N] << 3 | s.regs[Arm64Registers.Z] << 2 | s.regs[Arm64Registers.C] << 1
                    | s.regs[Arm64Registers.V];
            if (fpsr != s.regs[Arm64Registers.FPSR]) {
                d.append(String.format(" fpsr qemu %x ours %x", fpsr, s.regs[Arm64Registers.FPSR]));
            }
            if (nzcv != ourNzcv) {
                d.append(String.format(" nzcv qemu %x ours %x", nzcv, ourNzcv));
            }
            if (d.length() > 0) {
                diffs.add(String.format("%08x %s fpcr %x:%s", c.word, A64Decoder.TABLE.lookup(c.word).name(), c.fpcr, d));
            }
        }
        System.out.printf("qemu oracle: %d cases, %d differ%n", cases.size(), diffs.size());
        diffs.stream().limit(100).forEach(System.out::println);
        assertThat(diffs).isEmpty();
    }

    /** The fixture cache's qemu, else the system's; otherwise Fixtures skips (fails under CI). */
    private static Path qemu() {
        Path fixture = Fixtures.qemuPath("aarch64");
        Path system = Path.of("/usr/bin/qemu-aarch64-static");
        if (!Files.isExecutable(fixture) && Files.isExecutable(system)) {
            return system;
        }
        return Fixtures.qemu("aarch64");
    }

    private static boolean lifts(DecodeTable.Entry<Handler> e, int word) {
        LiftContext c = new LiftContext(new IrBuilder());
        c.begin(0x1000, word);
        e.handler().lift(c, new Fields(word, e.pattern()));
        return !c.b.isTerminated();
    }

    private static long interesting64(Random r) {
        double[] d = {0.0, -0.0, 1.0, -1.5, 0.1, 1e300, -1e-310, Double.MIN_VALUE, Double.MAX_VALUE,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 2.5, 3.5, -2.5, 0x1p63, -0x1p63, 0x1p64, 4294967296.5};
        return switch (r.nextInt(7)) {
            case 0 -> Double.doubleToRawLongBits(d[r.nextInt(d.length)]);
            case 1 -> r.nextBoolean() ? 0x7FF8_0000_0000_0000L | r.nextInt(1000) : 0x7FF0_0000_0000_0000L | 1 + r.nextInt(1000);
            case 2 -> interesting32(r) | interesting32(r) << 32;
            case 3 -> Double.doubleToRawLongBits(r.nextGaussian() * Math.pow(2, r.nextInt(80) - 40));
            case 4 -> r.nextInt(5) - 2;
            default -> r.nextLong();
        };
    }

    private static long interesting32(Random r) {
        float[] f = {0f, -0f, 1f, -1.5f, 0.1f, 3e38f, -1e-40f, Float.MIN_VALUE, Float.POSITIVE_INFINITY, 2.5f, -3.5f, 0x1p31f};
        int v = switch (r.nextInt(6)) {
            case 0 -> Float.floatToRawIntBits(f[r.nextInt(f.length)]);
            case 1 -> r.nextBoolean() ? 0x7FC0_0000 | r.nextInt(100) : 0xFF80_0000 | 1 + r.nextInt(100);
            case 2 -> Float.floatToRawIntBits((float) (r.nextGaussian() * Math.pow(2, r.nextInt(40) - 20)));
            case 3 -> r.nextInt(0x10000) * (r.nextBoolean() ? 0x10001 : 1);
            default -> r.nextInt();
        };
        return v & 0xFFFF_FFFFL;
    }

    private static Case randomCase(Random r, int word) {
        long[] v = new long[64], x = new long[31];
        for (int i = 0; i < 64; i++) {
            v[i] = interesting64(r);
        }
        for (int i = 0; i < 31; i++) {
            x[i] = r.nextBoolean() ? interesting64(r) : r.nextInt(64) - 8;
        }
        byte[] mem = new byte[MEM];
        r.nextBytes(mem);
        return new Case(word, FPCRS[r.nextInt(FPCRS.length)], (long) r.nextInt(16) << 28, v, x, mem);
    }

    private static long memAddress(long buf, int i) {
        return buf + (long) i * CASE + IN + OUT;
    }

    private static CpuState emulate(Case c, long memAddr) {
        CpuState s = new Arm64Isa().newCpu(null);
        if (memAddr != 0) {
            AddressSpace m = new AddressSpace(64);
            m.map(memAddr & ~0xFFFL, 0x2000, Prot.RW);
            m.poke(memAddr, c.mem, 0, MEM);
            s.mem = m;
        }
        for (int r = 0; r < 32; r++) {
            s.regs[Arm64Registers.vlo(r)] = c.v[2 * r];
            s.regs[Arm64Registers.vhi(r)] = c.v[2 * r + 1];
        }
        for (int r = 0; r < 31; r++) {
            s.regs[Arm64Registers.X0 + r] = c.x[r];
        }
        s.regs[Arm64Registers.FPCR] = c.fpcr;
        s.regs[Arm64Registers.N] = c.nzcv >>> 31 & 1;
        s.regs[Arm64Registers.Z] = c.nzcv >>> 30 & 1;
        s.regs[Arm64Registers.C] = c.nzcv >>> 29 & 1;
        s.regs[Arm64Registers.V] = c.nzcv >>> 28 & 1;
        s.setPc(0x1000);
        IrInterpreter.run(Arm64Lifter.lift(CodeSource.of(0x1000, c.word), new LiftRequest(s.mem, 0x1000, 0, 1, 0x1004)), s);
        return s;
    }

    // ------------------------------------------------------------------ the guest program
    private static final int CODE_START = 0x78, SETUP_WORDS = 5, PER_CASE_WORDS = 4 + 8 + 15 + 1 + 1 + 8 + 15 + 1 + 3 + 1,
            TAIL_WORDS = 8 + 6;

    private static long bufferAddress(int cases) {
        int codeWords = SETUP_WORDS + PER_CASE_WORDS * cases + TAIL_WORDS;
        return BASE + ((CODE_START + 4 * codeWords + 15) & ~15);
    }

    private static byte[] runQemu(Path qemu, List<Case> cases) throws IOException, InterruptedException {
        List<Integer> code = new ArrayList<>();
        int bufOffset; // file offset of the buffer
        // placeholder: the buffer address is patched in once the code size is known
        int setup = code.size();
        for (int k = 0; k < 4; k++) {
            code.add(0); // movz/movk x0 ; then mov sp, x0
        }
        code.add(0x9100_001f); // mov sp, x0
        for (Case c : cases) {
            code.add(0xa8c1_07e0); // ldp x0, x1, [sp], #16
            code.add(0xd51b_4400); // msr fpcr, x0
            code.add(0xd51b_4201); // msr nzcv, x1
            code.add(0xd51b_443f); // msr fpsr, xzr
            for (int t = 0; t < 32; t += 4) {
                code.add(0x4cdf_2fe0 | t); // ld1 {vt.2d - vt+3.2d}, [sp], #64
            }
            for (int t = 0; t < 30; t += 2) {
                code.add(0xa8c1_03e0 | t | (t + 1) << 10); // ldp xt, xt+1, [sp], #16
            }
            code.add(0xf841_07fe); // ldr x30, [sp], #16
            code.add(c.word);
            for (int t = 0; t < 32; t += 4) {
                code.add(0x4c9f_2fe0 | t); // st1 {vt.2d - vt+3.2d}, [sp], #64
            }
            for (int t = 0; t < 30; t += 2) {
                code.add(0xa881_03e0 | t | (t + 1) << 10); // stp xt, xt+1, [sp], #16
            }
            code.add(0xf801_07fe); // str x30, [sp], #16
            code.add(0xd53b_4420); // mrs x0, fpsr
            code.add(0xd53b_4201); // mrs x1, nzcv
            code.add(0xa881_07e0); // stp x0, x1, [sp], #16
            code.add(0x9104_03ff); // add sp, sp, #256 (over the case's memory)
        }
        int tail = code.size();
        for (int k = 0; k < 8; k++) {
            code.add(0); // movz/movk x1 (buffer), movz/movk x2 (length)
        }
        code.add(0xd280_0020); // mov x0, #1
        code.add(0xd280_0808); // mov x8, #64 (write)
        code.add(0xd400_0001); // svc #0
        code.add(0xd280_0000); // mov x0, #0
        code.add(0xd280_0ba8); // mov x8, #93 (exit)
        code.add(0xd400_0001); // svc #0
        int codeStart = CODE_START;
        bufOffset = (codeStart + 4 * code.size() + 15) & ~15;
        long buf = BASE + bufOffset, len = (long) CASE * cases.size();
        assertThat(buf).isEqualTo(bufferAddress(cases.size()));
        movAbs(code, setup, 0, buf);
        movAbs(code, tail, 1, buf);
        movAbs(code, tail + 4, 2, len);
        ByteBuffer elf = ByteBuffer.allocate((int) (bufOffset + len)).order(ByteOrder.LITTLE_ENDIAN);
        elf.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        elf.putShort((short) 2).putShort((short) 183).putInt(1).putLong(BASE + codeStart).putLong(64).putLong(0)
                .putInt(0).putShort((short) 64).putShort((short) 56).putShort((short) 1).putShort((short) 64)
                .putShort((short) 0).putShort((short) 0);
        elf.putInt(1).putInt(7).putLong(0).putLong(BASE).putLong(BASE).putLong(bufOffset + len)
                .putLong(bufOffset + len).putLong(0x1000);
        for (int w : code) {
            elf.putInt(w);
        }
        elf.position(bufOffset);
        for (Case c : cases) {
            elf.putLong(c.fpcr).putLong(c.nzcv);
            for (long v : c.v) {
                elf.putLong(v);
            }
            for (long x : c.x) {
                elf.putLong(x);
            }
            elf.putLong(0);
            elf.position(elf.position() + OUT);
            elf.put(c.mem);
        }
        Path f = Files.createTempFile("fpsimd-oracle", ".elf");
        try {
            Files.write(f, elf.array());
            f.toFile().setExecutable(true);
            Process p = new ProcessBuilder(qemu.toString(), f.toString()).redirectErrorStream(false).start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            p.getInputStream().transferTo(out);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(new String(p.getErrorStream().readAllBytes())).isZero();
            assertThat(out.size()).isEqualTo(len);
            return out.toByteArray();
        } finally {
            Files.deleteIfExists(f);
        }
    }

    /** movz/movk x<rd> with a 64-bit value at code[at..at+3]. */
    private static void movAbs(List<Integer> code, int at, int rd, long v) {
        for (int hw = 0; hw < 4; hw++) {
            int imm = (int) (v >>> (16 * hw) & 0xFFFF);
            code.set(at + hw, (hw == 0 ? 0xd280_0000 : 0xf280_0000) | hw << 21 | imm << 5 | rd);
        }
    }
}
