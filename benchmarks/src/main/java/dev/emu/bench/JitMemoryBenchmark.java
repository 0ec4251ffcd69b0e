package dev.emu.bench;

import dev.emu.core.api.Machine;
import dev.emu.core.api.RunResult;
import dev.emu.core.mem.Prot;
import dev.emu.core.toy.ToyIsa;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import static dev.emu.core.toy.ToyIsa.*;

/**
 * Guest memory access on the JIT's path: a guest loop (toy ISA, run by the engine, so it
 * ends up compiled as a region) that sums, or fills, a 1 MiB buffer eight 64-bit words
 * at a time from one base register, against the same loop in Java with a raw VarHandle on
 * one byte[]. The score is 64-bit accesses per microsecond. The guest pays for its loop
 * counter, its interrupt poll per iteration and the register traffic of its block, as well
 * as for the memory accesses, so the ratio bounds the accesses' cost from above.
 *
 * <p>Two raw baselines: {@code *Raw} is the tightest Java loop (an int index that C2
 * unrolls, and for the fill vectorises, which no guest loop can be); {@code *RawPaged} makes
 * the guest's own access pattern in plain Java with no TLB and no emulator around it: a long
 * address advanced by 64 per iteration, the 4 KiB page array picked from it each iteration,
 * eight accesses into that page. The second is the fair bound for an emulator's loop.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar JitMemory}; add
 * {@code -jvmArgsAppend -Demu.jit.pageGroups=false} to see every access check the TLB.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JitMemoryBenchmark {
    static final int BYTES = 1 << 20;
    static final int WORDS = BYTES / 8;
    static final int ITERATIONS = WORDS / 8;
    static final long CODE = 0x10000;
    static final long DATA = 0x100000;
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Machine machine;
    private long sumEntry;
    private long fillEntry;
    private byte[] raw;
    /** The same bytes as {@link #raw}, as 4 KiB pages. */
    private byte[][] rawPages;

    @Setup(Level.Trial)
    public void setUp() {
        machine = Machine.create(new ToyIsa());
        machine.map(CODE, 0x1000, Prot.RX);
        machine.map(DATA, BYTES, Prot.RW);
        ByteBuffer code = ByteBuffer.allocate(0x400).order(ByteOrder.LITTLE_ENDIAN);
        // sum: r3 += mem64[r4 + 8k] for k < 8; r4 += 64; r1 -= 1; while r1 != 0
        sumEntry = CODE;
        for (int k = 0; k < 8; k++) {
            code.putInt(enc(LD, 2, 4, 8 * k));
            code.putInt(enc(ADD, 3, 2, 0));
        }
        endLoop(code, 16);
        // fill: mem64[r4 + 8k] = r3 for k < 8; r4 += 64; r1 -= 1; while r1 != 0
        fillEntry = CODE + code.position();
        for (int k = 0; k < 8; k++) {
            code.putInt(enc(ST, 3, 4, 8 * k));
        }
        endLoop(code, 8);
        machine.write(CODE, code.array());
        raw = new byte[BYTES];
        byte[] init = new byte[BYTES];
        for (int i = 0; i < BYTES; i += 8) {
            I64.set(init, i, i * 0x9E3779B97F4A7C15L);
            I64.set(raw, i, i * 0x9E3779B97F4A7C15L);
        }
        machine.write(DATA, init);
        rawPages = new byte[BYTES / 4096][];
        for (int p = 0; p < rawPages.length; p++) {
            rawPages[p] = java.util.Arrays.copyOfRange(init, p * 4096, (p + 1) * 4096);
        }
    }

    private static void endLoop(ByteBuffer code, int bodyInsns) {
        code.putInt(enc(ADDI, 4, 4, 64));
        code.putInt(enc(ADDI, 1, 1, -1));
        code.putInt(enc(BNE, 1, 0, -(bodyInsns + 2)));
        code.putInt(enc(SYS, 0, 0, 0));
    }

    private long run(long entry) {
        machine.setReg("r1", ITERATIONS);
        machine.setReg("r3", 0);
        machine.setReg("r4", DATA);
        RunResult r = machine.start(entry, -1, null, 0);
        if (r.trap() == null) {
            throw new IllegalStateException(r.toString());
        }
        return machine.reg("r3");
    }

    @Benchmark
    @OperationsPerInvocation(WORDS)
    public long sum64Guest() {
        return run(sumEntry);
    }

    @Benchmark
    @OperationsPerInvocation(WORDS)
    public long sum64Raw() {
        byte[] r = raw;
        long s = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            int o = i * 64;
            s += (long) I64.get(r, o);
            s += (long) I64.get(r, o + 8);
            s += (long) I64.get(r, o + 16);
            s += (long) I64.get(r, o + 24);
            s += (long) I64.get(r, o + 32);
            s += (long) I64.get(r, o + 40);
            s += (long) I64.get(r, o + 48);
            s += (long) I64.get(r, o + 56);
        }
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(WORDS)
    public long sum64RawPaged() {
        byte[][] pages = rawPages;
        long s = 0;
        for (long a = DATA, end = DATA + BYTES; a != end; a += 64) {
            byte[] p = pages[(int) ((a - DATA) >>> 12)];
            int o = (int) a & 0xFFF;
            s += (long) I64.get(p, o);
            s += (long) I64.get(p, o + 8);
            s += (long) I64.get(p, o + 16);
            s += (long) I64.get(p, o + 24);
            s += (long) I64.get(p, o + 32);
            s += (long) I64.get(p, o + 40);
            s += (long) I64.get(p, o + 48);
            s += (long) I64.get(p, o + 56);
        }
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(WORDS)
    public long fill64Guest() {
        return run(fillEntry);
    }

    @Benchmark
    @OperationsPerInvocation(WORDS)
    public void fill64Raw() {
        byte[] r = raw;
        long v = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            int o = i * 64;
            I64.set(r, o, v);
            I64.set(r, o + 8, v);
            I64.set(r, o + 16, v);
            I64.set(r, o + 24, v);
            I64.set(r, o + 32, v);
            I64.set(r, o + 40, v);
            I64.set(r, o + 48, v);
            I64.set(r, o + 56, v);
        }
    }

    @Benchmark
    @OperationsPerInvocation(WORDS)
    public void fill64RawPaged() {
        byte[][] pages = rawPages;
        long v = 0;
        for (long a = DATA, end = DATA + BYTES; a != end; a += 64) {
            byte[] p = pages[(int) ((a - DATA) >>> 12)];
            int o = (int) a & 0xFFF;
            I64.set(p, o, v);
            I64.set(p, o + 8, v);
            I64.set(p, o + 16, v);
            I64.set(p, o + 24, v);
            I64.set(p, o + 32, v);
            I64.set(p, o + 40, v);
            I64.set(p, o + 48, v);
            I64.set(p, o + 56, v);
        }
    }
}
