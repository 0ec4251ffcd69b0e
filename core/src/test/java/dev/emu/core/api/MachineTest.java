package dev.emu.core.api;

import dev.emu.core.engine.StopReason;
import dev.emu.core.toy.ToyIsa;
import dev.emu.core.ir.TrapKind;
import dev.emu.core.mem.GuestFault;
import dev.emu.core.mem.Prot;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.emu.core.toy.ToyIsa.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The engine and the embedding API, driven through the toy ISA. */
class MachineTest {
    static final long CODE = 0x10000;
    static final long DATA = 0x20000;

    static byte[] words(int... w) {
        ByteBuffer b = ByteBuffer.allocate(w.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int x : w) {
            b.putInt(x);
        }
        return b.array();
    }

    static Machine machine(boolean jit, int... code) {
        Machine m = jit ? Machine.create(new ToyIsa()) : Machine.createInterpreted(new ToyIsa());
        m.map(CODE, 0x1000, Prot.RWX);
        m.map(DATA, 0x1000, Prot.RW);
        m.write(CODE, words(code));
        return m;
    }

    /** r1 = n; loop: r2 += r1; r1 -= 1; bne r1, loop; sys */
    static int[] sumLoop(int n) {
        return new int[] {
            enc(ADDI, 1, 0, n),
            enc(ADD, 2, 1, 0),
            enc(ADDI, 1, 1, -1),
            enc(BNE, 1, 0, -2),
            enc(SYS, 0, 0, 7),
        };
    }

    @Test
    void loopRunsToTheTrapOnBothTiers() {
        for (boolean jit : new boolean[] {false, true}) {
            Machine m = machine(jit, sumLoop(1000));
            RunResult r = m.start(CODE, -1, null, 0);
            assertThat(r.reason()).isEqualTo(StopReason.TRAP);
            assertThat(r.trap()).isEqualTo(TrapKind.SYSCALL);
            assertThat(r.trapDetail()).isEqualTo(7);
            assertThat(m.reg("r2")).isEqualTo(1000L * 1001 / 2);
            assertThat(r.pc()).isEqualTo(CODE + 20);
            assertThat(r.instructions()).isEqualTo(1 + 3 * 1000 + 1);
        }
    }

    @Test
    void stopsExactlyAtUntilInsideABlock() {
        Machine m = machine(true, enc(ADDI, 1, 0, 1), enc(ADDI, 2, 0, 2), enc(ADDI, 3, 0, 3), enc(SYS, 0, 0, 0));
        RunResult r = m.start(CODE, CODE + 8, null, 0);
        assertThat(r.reason()).isEqualTo(StopReason.UNTIL_REACHED);
        assertThat(r.pc()).isEqualTo(CODE + 8);
        assertThat(m.reg("r2")).isEqualTo(2);
        assertThat(m.reg("r3")).isZero();
    }

    @Test
    void countsInstructionsExactly() {
        Machine m = machine(true, sumLoop(1000));
        RunResult r = m.start(CODE, -1, null, 11);
        assertThat(r.reason()).isEqualTo(StopReason.COUNT_EXHAUSTED);
        assertThat(r.instructions()).isEqualTo(11);
        // 1 setup + 3 full iterations + 1 instruction of the fourth
        assertThat(m.reg("r2")).isEqualTo(1000 + 999 + 998 + 997);
        assertThat(m.reg("r1")).isEqualTo(997);
    }

    @Test
    void timeoutStopsAnEndlessLoop() {
        Machine m = machine(true, enc(ADDI, 1, 1, 1), enc(JMP, 0, 0, -1));
        // a first run by count translates and compiles the loop, so that a loaded machine
        // cannot spend the whole timeout before the first iteration
        assertThat(m.start(CODE, -1, Duration.ZERO, 1000).reason()).isEqualTo(StopReason.COUNT_EXHAUSTED);
        long before = m.reg("r1");
        assertThat(before).isPositive();
        RunResult r = m.start(CODE, -1, Duration.ofMillis(100), 0);
        assertThat(r.reason()).isEqualTo(StopReason.TIMEOUT);
        assertThat(m.reg("r1")).isGreaterThanOrEqualTo(before);
    }

    @Test
    void stopFromAnotherThread() throws Exception {
        Machine m = machine(true, enc(ADDI, 1, 1, 1), enc(JMP, 0, 0, -1));
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
            m.stop();
        });
        t.start();
        RunResult r = m.start(CODE, -1, Duration.ofSeconds(30), 0);
        t.join();
        assertThat(r.reason()).isEqualTo(StopReason.INTERRUPTED);
    }

    @Test
    void faultIsPreciseInTheMiddleOfABlock() {
        for (boolean jit : new boolean[] {false, true}) {
            Machine m = machine(jit,
                    enc(ADDI, 1, 0, 5),
                    enc(ADDI, 4, 0, 0x100),   // r4 = 0x100: unmapped
                    enc(LD, 2, 4, 8),         // faults
                    enc(ADDI, 3, 0, 9),
                    enc(SYS, 0, 0, 0));
            RunResult r = m.start(CODE, -1, null, 0);
            assertThat(r.reason()).isEqualTo(StopReason.FAULT);
            assertThat(r.fault().address()).isEqualTo(0x108);
            assertThat(r.fault().access()).isEqualTo(GuestFault.Access.READ);
            assertThat(r.pc()).isEqualTo(CODE + 8);
            assertThat(r.instructions()).isEqualTo(2);
            assertThat(m.reg("r1")).isEqualTo(5);
            assertThat(m.reg("r3")).isZero();
        }
    }

    @Test
    void selfModifyingCodeRunsTheNewInstruction() {
        Machine m = machine(true,
                enc(ST32, 5, 6, 8),            // 0: mem32[r6 + 8] = r5
                enc(JMP, 0, 0, 1),             // 4: end the block; the next starts at 8
                enc(ADDI, 3, 0, 1),            // 8: replaced in the second run
                enc(SYS, 0, 0, 0));            // 12
        m.setReg("r5", enc(ADDI, 3, 0, 42) & 0xFFFF_FFFFL);
        m.setReg("r6", DATA); // first run: the store lands in data, the old code is translated
        m.start(CODE, -1, null, 0);
        assertThat(m.reg("r3")).isEqualTo(1);
        m.setReg("r6", CODE);
        RunResult r = m.start(CODE, -1, null, 0);
        assertThat(r.trap()).isEqualTo(TrapKind.SYSCALL);
        assertThat(m.reg("r3")).isEqualTo(42);
    }

    @Test
    void codeHookAddedAfterTranslationFires() {
        Machine m = machine(true, sumLoop(3));
        m.start(CODE, -1, null, 0);
        List<Long> seen = new ArrayList<>();
        m.addCodeHook(CODE + 4, CODE + 4, (mm, pc) -> seen.add(pc));
        m.setReg("r2", 0);
        m.start(CODE, -1, null, 0);
        assertThat(seen).containsExactly(CODE + 4, CODE + 4, CODE + 4);
        assertThat(m.reg("r2")).isEqualTo(6);
    }

    @Test
    void codeHookCanRedirectThePc() {
        Machine m = machine(true, enc(ADDI, 1, 0, 1), enc(ADDI, 2, 0, 2), enc(SYS, 0, 0, 0), enc(ADDI, 3, 0, 3),
                enc(SYS, 0, 0, 1));
        m.addCodeHook(CODE + 4, CODE + 4, (mm, pc) -> mm.setReg("pc", CODE + 12));
        RunResult r = m.start(CODE, -1, null, 0);
        assertThat(r.trapDetail()).isEqualTo(1);
        assertThat(m.reg("r2")).isZero();
        assertThat(m.reg("r3")).isEqualTo(3);
    }

    @Test
    void trapHookResumesAfterSyscall() {
        Machine m = machine(true, enc(SYS, 0, 0, 1), enc(ADDI, 1, 0, 9), enc(SYS, 0, 0, 2));
        List<Long> calls = new ArrayList<>();
        m.addTrapHook((mm, kind, detail) -> {
            calls.add(detail);
            return detail == 1;
        });
        RunResult r = m.start(CODE, -1, null, 0);
        assertThat(calls).containsExactly(1L, 2L);
        assertThat(r.reason()).isEqualTo(StopReason.TRAP);
        assertThat(m.reg("r1")).isEqualTo(9);
    }

    @Test
    void illegalInstructionCarriesItsEncoding() {
        Machine m = machine(true, enc(ADDI, 1, 0, 1), 0xEE00_1234);
        RunResult r = m.start(CODE, -1, null, 0);
        assertThat(r.trap()).isEqualTo(TrapKind.ILLEGAL_INSTRUCTION);
        assertThat(r.trapDetail()).isEqualTo(0xEE00_1234L);
        assertThat(r.pc()).isEqualTo(CODE + 4);
        assertThat(m.reg("r1")).isEqualTo(1);
    }

    @Test
    void executingUnmappedMemoryFaults() {
        Machine m = machine(true, enc(JMP, 0, 0, 0x400));
        RunResult r = m.start(CODE, -1, null, 0);
        assertThat(r.reason()).isEqualTo(StopReason.FAULT);
        assertThat(r.fault().access()).isEqualTo(GuestFault.Access.EXECUTE);
        assertThat(r.fault().address()).isEqualTo(CODE + 0x1000);
    }

    @Test
    void blockHookSeesEveryBlock() {
        Machine m = machine(true, sumLoop(3));
        List<Long> blocks = new ArrayList<>();
        m.addBlockHook((mm, pc, size) -> blocks.add(pc));
        m.start(CODE, -1, null, 0);
        assertThat(blocks).containsExactly(CODE, CODE + 4, CODE + 4, CODE + 16);
    }

    @Test
    void memoryHooksSeeLoadsAndStores() {
        for (boolean jit : new boolean[] {false, true}) {
            Machine m = machine(jit, enc(ADDI, 4, 0, 0x7000), enc(ADDI, 1, 0, 77), enc(ST, 1, 4, 8), enc(LD, 2, 4, 8),
                    enc(SYS, 0, 0, 0));
            m.map(0x7000, 0x1000, Prot.RW);
            List<String> seen = new ArrayList<>();
            m.addMemoryHook(true, 0x7000, 0x7fff, (mm, w, a, size, v) -> seen.add("w " + Long.toHexString(a) + " " + size + " " + v));
            m.addMemoryHook(false, 0x7000, 0x7fff, (mm, w, a, size, v) -> seen.add("r " + Long.toHexString(a) + " " + size + " " + v));
            m.start(CODE, -1, null, 0);
            assertThat(seen).containsExactly("w 7008 8 77", "r 7008 8 77");
            assertThat(m.reg("r2")).isEqualTo(77);
        }
    }

    @Test
    void invalidMemoryHookMapsThePageAndTheAccessRetries() {
        Machine m = machine(true, enc(ADDI, 4, 0, 0x5000), enc(ADDI, 1, 0, 5), enc(ST, 1, 4, 0), enc(LD, 2, 4, 0),
                enc(SYS, 0, 0, 0));
        List<Long> faults = new ArrayList<>();
        m.addInvalidMemoryHook((mm, write, addr, size, value) -> {
            faults.add(addr);
            mm.map(addr & ~0xFFFL, 0x1000, Prot.RW);
            return true;
        });
        RunResult r = m.start(CODE, -1, null, 0);
        assertThat(r.trap()).isEqualTo(TrapKind.SYSCALL);
        assertThat(faults).containsExactly(0x5000L);
        assertThat(m.reg("r2")).isEqualTo(5);
    }
}
