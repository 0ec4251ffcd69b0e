package dev.emu.bench;

import dev.emu.core.api.Machine;
import dev.emu.core.api.RunResult;
import dev.emu.core.mem.Prot;
import dev.emu.core.toy.ToyIsa;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;

import static dev.emu.core.toy.ToyIsa.*;

/**
 * A guest-style loop run through the engine: a load, an add, a store and a counted branch
 * per iteration (five guest instructions), on the interpreter alone and with the JIT.
 * The score is guest loop iterations per microsecond.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EngineLoopBenchmark {
    static final int ITERATIONS = 100_000;
    static final long CODE = 0x10000;

    @Param({"jit", "interpreter"})
    public String tier;

    private Machine machine;

    @Setup(Level.Trial)
    public void setUp() {
        ToyIsa isa = new ToyIsa();
        machine = "jit".equals(tier) ? Machine.create(isa) : Machine.createInterpreted(isa);
        machine.map(CODE, 0x1000, Prot.RX);
        machine.map(0x7000, 0x1000, Prot.RW);
        int[] code = {
            enc(ADDI, 1, 0, 0),        // r1 = iterations, set below
            enc(ADDI, 4, 0, 0x7000),   // r4 = &cell
            enc(LD, 2, 4, 0),          // loop: r2 = cell
            enc(ADD, 2, 1, 0),         //       r2 += r1
            enc(ST, 2, 4, 0),          //       cell = r2
            enc(ADDI, 1, 1, -1),       //       r1 -= 1
            enc(BNE, 1, 0, -4),        //       while r1 != 0
            enc(SYS, 0, 0, 0),
        };
        ByteBuffer b = ByteBuffer.allocate(code.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int w : code) {
            b.putInt(w);
        }
        machine.write(CODE, b.array());
    }

    @Benchmark
    @OperationsPerInvocation(ITERATIONS)
    public long loop() {
        // r1 is set by running from the second instruction with r1 preloaded
        machine.setReg("r1", ITERATIONS);
        RunResult r = machine.start(CODE + 4, -1, null, 0);
        if (r.trap() == null) {
            throw new IllegalStateException(r.toString());
        }
        return machine.reg("r2");
    }
}
