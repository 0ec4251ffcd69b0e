package dev.emu.bench;

import dev.emu.core.mem.AddressSpace;
import dev.emu.core.mem.Prot;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Guest loads and stores through {@link AddressSpace} against the same accesses made with a
 * raw VarHandle on one byte[]: the price of the TLB check. Each invocation walks
 * {@link #OPS} consecutive words of a 16 KiB guest buffer (4 pages, so the TLB slot changes
 * as a guest's would), in the guest byte order of a little-endian ISA.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar MemoryAccess -f 1 -wi 2 -i 3}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MemoryAccessBenchmark {
    static final int OPS = 1024;
    static final long BASE = 0x7f12_3456_0000L;
    static final int BYTES = 16 * 1024;
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    AddressSpace mem;
    byte[] raw;

    @Setup
    public void setup() {
        mem = new AddressSpace(64);
        mem.map(BASE, BYTES, Prot.RW);
        raw = new byte[BYTES];
        for (int i = 0; i < BYTES; i += 8) {
            mem.st64le(BASE + i, i * 0x9E3779B97F4A7C15L);
            I64.set(raw, i, i * 0x9E3779B97F4A7C15L);
        }
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public int load32Guest() {
        int sum = 0;
        AddressSpace m = mem;
        for (int i = 0; i < OPS; i++) {
            sum += m.ld32le(BASE + ((i * 12L) & (BYTES - 4)));
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public int load32Raw() {
        int sum = 0;
        byte[] r = raw;
        for (int i = 0; i < OPS; i++) {
            sum += (int) I32.get(r, (int) ((i * 12L) & (BYTES - 4)));
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public long load64Guest() {
        long sum = 0;
        AddressSpace m = mem;
        for (int i = 0; i < OPS; i++) {
            sum += m.ld64le(BASE + ((i * 24L) & (BYTES - 8)));
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public long load64Raw() {
        long sum = 0;
        byte[] r = raw;
        for (int i = 0; i < OPS; i++) {
            sum += (long) I64.get(r, (int) ((i * 24L) & (BYTES - 8)));
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public void store32Guest() {
        AddressSpace m = mem;
        for (int i = 0; i < OPS; i++) {
            m.st32le(BASE + ((i * 12L) & (BYTES - 4)), i);
        }
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public void store32Raw() {
        byte[] r = raw;
        for (int i = 0; i < OPS; i++) {
            I32.set(r, (int) ((i * 12L) & (BYTES - 4)), i);
        }
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public void store64Guest() {
        AddressSpace m = mem;
        for (int i = 0; i < OPS; i++) {
            m.st64le(BASE + ((i * 24L) & (BYTES - 8)), i);
        }
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public void store64Raw() {
        byte[] r = raw;
        for (int i = 0; i < OPS; i++) {
            I64.set(r, (int) ((i * 24L) & (BYTES - 8)), (long) i);
        }
    }

    /** A guest read-modify-write: load, add, store back, as `ldr; add; str` lifts to. */
    @Benchmark
    @OperationsPerInvocation(OPS)
    public void rmw64Guest() {
        AddressSpace m = mem;
        for (int i = 0; i < OPS; i++) {
            long a = BASE + ((i * 24L) & (BYTES - 8));
            m.st64le(a, m.ld64le(a) + 1);
        }
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public void rmw64Raw() {
        byte[] r = raw;
        for (int i = 0; i < OPS; i++) {
            int a = (int) ((i * 24L) & (BYTES - 8));
            I64.set(r, a, (long) I64.get(r, a) + 1);
        }
    }

    /**
     * Dependent loads (each address comes from the previous load), as in list walking: the
     * latency of the lookup chain (slot, entry, page) rather than instruction throughput.
     */
    @Benchmark
    @OperationsPerInvocation(OPS)
    public long chase64Guest() {
        AddressSpace m = mem;
        long a = BASE;
        for (int i = 0; i < OPS; i++) {
            a = BASE + (m.ld64le(a) & (BYTES - 8));
        }
        return a;
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public long chase64Raw() {
        byte[] r = raw;
        long a = 0;
        for (int i = 0; i < OPS; i++) {
            a = (long) I64.get(r, (int) a) & (BYTES - 8);
        }
        return a;
    }
}
