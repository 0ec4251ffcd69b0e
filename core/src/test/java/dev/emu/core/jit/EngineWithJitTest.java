package dev.emu.core.jit;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.engine.Engine;
import dev.emu.core.engine.ExitHandler;
import dev.emu.core.engine.RunLimits;
import dev.emu.core.engine.StopReason;
import dev.emu.core.ir.TrapKind;
import dev.emu.core.mem.AddressSpace;
import dev.emu.core.mem.GuestFault;
import dev.emu.core.mem.Prot;
import dev.emu.core.toy.ToyIsa;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static dev.emu.core.toy.ToyIsa.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The engine running toy-ISA programs with BlockCompiler as its tier 1, against tier 0 alone. */
class EngineWithJitTest {
    static final long CODE = 0x10000;
    static final int DATA = 0x7000;

    /** Sums 1..n into memory word by word, then faults on a load from page 0. */
    static final int[] SUM_THEN_FAULT = {
        enc(ADDI, 1, 0, 3000),   // r1 = n
        enc(ADDI, 2, 0, DATA),   // r2 = &acc
        enc(ADDI, 4, 0, 0),      // r4 = 0
        enc(LD, 3, 2, 0),        // loop: r3 = acc
        enc(ADD, 3, 1, 0),       //   r3 += r1
        enc(ST, 3, 2, 0),        //   acc = r3
        enc(ST32, 1, 2, 8),      //   mem32[r2 + 8] = r1
        enc(ADDI, 4, 4, 1),      //   r4++
        enc(ADDI, 1, 1, -1),     //   r1--
        enc(BNE, 1, 0, -6),      // if r1 != 0 goto loop
        enc(ADDI, 5, 0, 55),     // r5 = 55
        enc(LD, 6, 0, 16),       // r6 = mem[r0 + 16]: page 0 is unmapped
        enc(ADDI, 7, 0, 77),
        enc(SYS, 0, 0, 0),
    };

    record Result(StopReason reason, long[] regs, long icount, long acc, long word, String fault) {}

    static Result run(int[] program, boolean jit, int threshold) {
        ToyIsa isa = new ToyIsa();
        AddressSpace mem = new AddressSpace(64);
        mem.map(CODE, 0x1000, Prot.RX);
        mem.map(DATA, 0x1000, Prot.RW);
        ByteBuffer bb = ByteBuffer.allocate(program.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int w : program) {
            bb.putInt(w);
        }
        mem.poke(CODE, bb.array(), 0, program.length * 4);
        Engine.Config cfg = new Engine.Config();
        cfg.compiler = jit ? BlockCompiler::compile : null;
        cfg.jitThreshold = threshold;
        Engine engine = new Engine(isa, cfg);
        mem.setCodeInvalidator(engine.codeCache()::invalidate);
        CpuState cpu = isa.newCpu(mem);
        cpu.setPc(CODE);
        String[] fault = {null};
        StopReason reason = engine.run(cpu, RunLimits.NONE, new ExitHandler() {
            @Override
            public boolean onTrap(CpuState c, TrapKind kind, long detail) {
                return false;
            }

            @Override
            public boolean onFault(CpuState c, GuestFault f) {
                fault[0] = f.getMessage() + " at pc 0x" + Long.toHexString(c.pc());
                return false;
            }
        });
        return new Result(reason, cpu.regs.clone(), cpu.icount, mem.ld64le(DATA), mem.ld32le(DATA + 8), fault[0]);
    }

    @Test
    void compiledLoopAgreesWithTheInterpreterUpToAPreciseFault() {
        Result interpreted = run(SUM_THEN_FAULT, false, 1);
        Result compiled = run(SUM_THEN_FAULT, true, 1);
        assertThat(interpreted.reason()).isEqualTo(StopReason.FAULT);
        assertThat(interpreted.fault()).contains("read at 0x10", "pc 0x1002c");
        assertThat(interpreted.acc()).isEqualTo(3000L * 3001 / 2);
        assertThat(interpreted.regs()[5]).isEqualTo(55);
        assertThat(interpreted.regs()[7]).isZero();
        assertThat(compiled.reason()).isEqualTo(interpreted.reason());
        assertThat(compiled.fault()).isEqualTo(interpreted.fault());
        assertThat(compiled.regs()).isEqualTo(interpreted.regs());
        assertThat(compiled.icount()).isEqualTo(interpreted.icount());
        assertThat(compiled.acc()).isEqualTo(interpreted.acc());
        assertThat(compiled.word()).isEqualTo(interpreted.word());
    }

    /** Not a benchmark (JMH has those): a rough look at what tier 1 buys, printed for the record. */
    @Test
    void tierOneIsFasterOnAHotLoop() {
        int[] loop = {
            enc(ADDI, 1, 0, 0x7FFF), // r1 = 32767
            enc(ADDI, 2, 0, DATA),
            enc(ADDI, 9, 0, 200),    // outer: r9 = 200
            enc(ADDI, 1, 0, 0x7FFF), // outer loop head
            enc(LD, 3, 2, 0),        // inner loop
            enc(ADD, 3, 1, 0),
            enc(ST, 3, 2, 0),
            enc(ADDI, 1, 1, -1),
            enc(BNE, 1, 0, -4),
            enc(ADDI, 9, 9, -1),
            enc(BNE, 9, 0, -7),
            enc(SYS, 0, 0, 0),
        };
        run(loop, true, 40);
        run(loop, false, 40); // warm both
        long t0 = System.nanoTime();
        Result i = run(loop, false, 40);
        long t1 = System.nanoTime();
        Result j = run(loop, true, 40);
        long t2 = System.nanoTime();
        assertThat(j.regs()).isEqualTo(i.regs());
        assertThat(j.acc()).isEqualTo(i.acc());
        double mi = i.icount() / ((t1 - t0) / 1e3);
        double mj = j.icount() / ((t2 - t1) / 1e3);
        System.out.printf("toy loop, %d guest insns: interpreter %.0f M insns/s, JIT %.0f M insns/s%n",
                i.icount(), mi, mj);
    }
}
