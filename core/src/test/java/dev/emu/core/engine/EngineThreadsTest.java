package dev.emu.core.engine;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.ir.TrapKind;
import dev.emu.core.mem.AddressSpace;
import dev.emu.core.mem.GuestFault;
import dev.emu.core.mem.Prot;
import dev.emu.core.toy.ToyIsa;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import static dev.emu.core.toy.ToyIsa.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Several guest threads share one address space and one engine (code cache). */
class EngineThreadsTest {
    @Test
    void atomicIncrementsFromFourThreadsAllLand() throws Exception {
        ToyIsa isa = new ToyIsa();
        AddressSpace mem = new AddressSpace(64);
        mem.map(0x10000, 0x1000, Prot.RX);
        mem.map(0x7000, 0x1000, Prot.RW);
        int[] code = {
            enc(ADDI, 1, 0, 20000),   // r1 = iterations
            enc(ADDI, 2, 0, 0x7000),  // r2 = the counter's address
            enc(XADD, 3, 2, 1),       // loop: atomically mem[r2] += 1
            enc(ADDI, 1, 1, -1),
            enc(BNE, 1, 0, -2),
            enc(SYS, 0, 0, 0),
        };
        ByteBuffer bb = ByteBuffer.allocate(code.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int w : code) {
            bb.putInt(w);
        }
        mem.poke(0x10000, bb.array(), 0, code.length * 4);
        Engine.Config cfg = new Engine.Config();
        cfg.jitThreshold = 5;
        Engine engine = new Engine(isa, cfg);
        mem.setCodeInvalidator(engine.codeCache()::invalidate);
        List<Thread> threads = new ArrayList<>();
        List<StopReason> reasons = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 4; t++) {
            CpuState cpu = isa.newCpu(mem);
            cpu.setPc(0x10000);
            Thread th = new Thread(() -> reasons.add(engine.run(cpu, RunLimits.NONE, new StopOnTrap())));
            threads.add(th);
        }
        threads.forEach(Thread::start);
        for (Thread th : threads) {
            th.join();
        }
        assertThat(reasons).containsOnly(StopReason.TRAP).hasSize(4);
        assertThat(mem.ld64le(0x7000)).isEqualTo(4 * 20000L);
    }

    static final class StopOnTrap implements ExitHandler {
        @Override
        public boolean onTrap(CpuState cpu, TrapKind kind, long detail) {
            return false;
        }

        @Override
        public boolean onFault(CpuState cpu, GuestFault fault) {
            throw new AssertionError(fault.getMessage());
        }
    }
}
