package dev.emu.core.engine;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.ir.TrapKind;
import dev.emu.core.jit.BlockCompiler;
import dev.emu.core.jit.RegionCompiler;
import dev.emu.core.mem.AddressSpace;
import dev.emu.core.mem.GuestFault;
import dev.emu.core.mem.Prot;
import dev.emu.core.toy.ToyIsa;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static dev.emu.core.toy.ToyIsa.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Tier 2 in the engine: regions form on toy-ISA loops, agree with tier 0, stop on request, and are dropped with their code. */
class RegionEngineTest {
    static final long CODE = 0x10000;
    static final int DATA = 0x7000;

    /** A loop whose body spans two pages: the head at CODE, the latch at CODE + 0x1000. */
    static final int LOOP_ITERATIONS = 5000;

    record Run(Engine engine, AddressSpace mem, CpuState cpu, StopReason reason, String fault) {}

    static void load(AddressSpace mem, long at, int... words) {
        ByteBuffer bb = ByteBuffer.allocate(words.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int w : words) {
            bb.putInt(w);
        }
        mem.poke(at, bb.array(), 0, words.length * 4);
    }

    /** r1 counts down from n; the head adds r1 into memory and jumps to the next page, whose block loops back. */
    static AddressSpace twoPageLoop(int n) {
        AddressSpace mem = new AddressSpace(64);
        mem.map(CODE, 0x2000, Prot.RWX);
        mem.map(DATA, 0x1000, Prot.RW);
        load(mem, CODE,
                enc(ADDI, 1, 0, n),      // r1 = n
                enc(ADDI, 2, 0, DATA),   // r2 = &acc
                enc(JMP, 0, 0, 1),       // goto head (a block of its own)
                enc(LD, 3, 2, 0),        // head: r3 = acc
                enc(ADD, 3, 1, 0),       //   r3 += r1
                enc(ST, 3, 2, 0),        //   acc = r3
                enc(ADDI, 4, 4, 1),      //   r4++
                enc(JMP, 0, 0, (0x1000 - 28) / 4)); // goto CODE + 0x1000
        load(mem, CODE + 0x1000,
                enc(ADDI, 1, 1, -1),     // r1--
                enc(BNE, 1, 0, (12 - 0x1004) / 4), // if r1 != 0 goto head
                enc(SYS, 0, 0, 0));
        return mem;
    }

    static Run run(AddressSpace mem, boolean regions, RunLimits limits) {
        return run(mem, regions, false, limits);
    }

    static Run run(AddressSpace mem, boolean regions, boolean followCalls, RunLimits limits) {
        return run(new ToyIsa(), mem, regions, followCalls, limits);
    }

    /** The toy ISA with translation modes: the mode is r15's low bit, set by any write to r15. */
    static final class ModedToy implements dev.emu.core.isa.Isa {
        final ToyIsa toy = new ToyIsa();
        @Override public String name() { return "toy-moded"; }
        @Override public java.nio.ByteOrder byteOrder() { return toy.byteOrder(); }
        @Override public int addressBits() { return 64; }
        @Override public dev.emu.core.cpu.RegisterFile registers() { return toy.registers(); }
        @Override public boolean matchesElf(int machine, int elfClass, boolean bigEndian, int flags) { return false; }
        @Override public dev.emu.core.ir.Block lift(dev.emu.core.isa.LiftRequest r) { return toy.lift(r); }
        @Override public boolean hasModes() { return true; }
        @Override public int mode(CpuState cpu) { return (int) (cpu.regs[15] & 1); }
        @Override public int[] modeSlots() { return new int[] {15}; }
    }

    static Run run(dev.emu.core.isa.Isa isa, AddressSpace mem, boolean regions, boolean followCalls, RunLimits limits) {
        Engine.Config cfg = new Engine.Config();
        cfg.compiler = BlockCompiler::compile;
        cfg.regionCompiler = regions ? RegionCompiler::compile : null;
        cfg.regionFollowsCalls = followCalls;
        cfg.jitThreshold = 2;
        cfg.regionThreshold = 20;
        Engine engine = new Engine(isa, cfg);
        mem.setCodeInvalidator(engine.codeCache()::invalidate);
        CpuState cpu = isa.newCpu(mem);
        cpu.setPc(CODE);
        String[] fault = {null};
        StopReason reason = engine.run(cpu, limits, new ExitHandler() {
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
        return new Run(engine, mem, cpu, reason, fault[0]);
    }

    @Test
    void aLoopAcrossTwoPagesRunsAsARegionAndAgreesWithTierOne() {
        Run plain = run(twoPageLoop(LOOP_ITERATIONS), false, RunLimits.NONE);
        Run region = run(twoPageLoop(LOOP_ITERATIONS), true, RunLimits.NONE);
        // the head's region only: the latch ran as often as the head, but as a member of the
        // head's region it does not head a second region of the same loop
        assertThat(region.engine().codeCache().regionCount()).isEqualTo(1);
        assertThat(plain.engine().codeCache().regionCount()).isZero();
        assertThat(region.reason()).isEqualTo(StopReason.TRAP).isEqualTo(plain.reason());
        assertThat(region.cpu().regs).isEqualTo(plain.cpu().regs);
        assertThat(region.cpu().icount).isEqualTo(plain.cpu().icount);
        assertThat(region.mem().ld64le(DATA)).isEqualTo((long) LOOP_ITERATIONS * (LOOP_ITERATIONS + 1) / 2);
    }

    /**
     * A loop that calls a function, which is called once more after the loop: the return
     * (a computed exit) is compared with the call's continuation and stays in the region.
     */
    static AddressSpace loopCallingAFunction(int n) {
        AddressSpace mem = new AddressSpace(64);
        mem.map(CODE, 0x1000, Prot.RWX);
        mem.map(DATA, 0x1000, Prot.RW);
        load(mem, CODE,
                enc(ADDI, 1, 0, n),      // 0x00: r1 = n
                enc(ADDI, 2, 0, DATA),   // 0x04: r2 = &count
                enc(JMP, 0, 0, 1),       // 0x08: goto head
                enc(ADD, 3, 1, 0),       // 0x0c head: r3 += r1
                enc(CALL, 15, 0, 12),    // 0x10: call f (0x40), r15 = 0x14
                enc(ADDI, 1, 1, -1),     // 0x14: r1--
                enc(BNE, 1, 0, -3),      // 0x18: if r1 != 0 goto head
                enc(CALL, 15, 0, 9),     // 0x1c: call f once more, from outside the loop
                enc(SYS, 0, 0, 0));      // 0x20
        load(mem, CODE + 0x40,
                enc(ADDI, 4, 4, 1),      // 0x40 f: r4++
                enc(ST, 4, 2, 0),        // 0x44: count = r4
                enc(JR, 15, 0, 0));      // 0x48: return
        return mem;
    }

    @Test
    void aReturnToTheCallersContinuationStaysInTheRegion() {
        Run plain = run(loopCallingAFunction(LOOP_ITERATIONS), false, RunLimits.NONE);
        Run region = run(loopCallingAFunction(LOOP_ITERATIONS), true, true, RunLimits.NONE);
        assertThat(region.reason()).isEqualTo(StopReason.TRAP).isEqualTo(plain.reason());
        assertThat(region.cpu().regs).isEqualTo(plain.cpu().regs);
        assertThat(region.cpu().icount).isEqualTo(plain.cpu().icount);
        assertThat(region.mem().ld64le(DATA)).isEqualTo(LOOP_ITERATIONS + 1);
        TranslatedBlock head = region.engine().codeCache().get(CODE + 0x0c, 0);
        assertThat(head.ownCode).as("the head runs a region").isNotNull();

        // run the region alone: all iterations, calls and returns included, in one call
        CpuState cpu = new ToyIsa().newCpu(region.mem());
        cpu.regs[1] = 50;
        cpu.regs[2] = DATA;
        cpu.setPc(CODE + 0x0c);
        long next = head.code.run(cpu);
        assertThat(next).isEqualTo(CODE + 0x1c);
        assertThat(cpu.regs[4]).isEqualTo(50);
        assertThat(cpu.regs[15]).isEqualTo(CODE + 0x14);
        assertThat(cpu.icount).isEqualTo(50 * 7);

        // a return elsewhere (here: to 0x1c's continuation, not in the region) leaves it there
        cpu = new ToyIsa().newCpu(region.mem());
        cpu.regs[2] = DATA;
        cpu.regs[15] = CODE + 0x20;
        cpu.setPc(CODE + 0x40);
        TranslatedBlock f = region.engine().codeCache().get(CODE + 0x40, 0);
        assertThat(f.code.run(cpu)).isEqualTo(CODE + 0x20);
        assertThat(cpu.icount).isEqualTo(3);
    }

    @Test
    void aRegionNumbersItsExitsAcrossItsBlocks() {
        Run region = run(loopCallingAFunction(LOOP_ITERATIONS), true, true, RunLimits.NONE);
        TranslatedBlock head = region.engine().codeCache().get(CODE + 0x0c, 0);
        CpuState cpu = new ToyIsa().newCpu(region.mem());
        cpu.regs[1] = 1;
        cpu.regs[2] = DATA;
        cpu.setPc(CODE + 0x0c);
        assertThat(head.code.run(cpu)).isEqualTo(CODE + 0x1c);
        assertThat(cpu.icount).isEqualTo(7);
        // blocks in order head (1 exit), f (1), continuation (2): its fall-through is exit 1 + 1 + 1
        assertThat(cpu.exitIndex).isEqualTo(3);
        assertThat(head.regionSuccessors).hasSize(4);
        assertThat(head.regionSuccessors[3]).as("the engine cached the exit's successor").isNotNull();
        assertThat(head.regionSuccessors[3].pc).isEqualTo(CODE + 0x1c);
    }

    @Test
    void withModesARegionJoinsOnlyBlocksThatKeepTheMode() {
        // the two-page loop never writes r15: a region of mode 0 forms and agrees with tier 1
        Run plain = run(new ModedToy(), twoPageLoop(LOOP_ITERATIONS), false, false, RunLimits.NONE);
        Run region = run(new ModedToy(), twoPageLoop(LOOP_ITERATIONS), true, false, RunLimits.NONE);
        assertThat(region.engine().codeCache().regionCount()).isEqualTo(1);
        assertThat(region.cpu().regs).isEqualTo(plain.cpu().regs);
        assertThat(region.cpu().icount).isEqualTo(plain.cpu().icount);

        // a latch that writes r15 (the mode register) may change the mode: no region through it
        AddressSpace mem = twoPageLoop(LOOP_ITERATIONS);
        load(mem, CODE + 0x1000,
                enc(ADDI, 15, 15, 2),    // r15 += 2: the mode (bit 0) stays, but the block sets r15
                enc(ADDI, 1, 1, -1),
                enc(BNE, 1, 0, (12 - 0x1008) / 4),
                enc(SYS, 0, 0, 0));
        Run moded = run(new ModedToy(), mem, true, false, RunLimits.NONE);
        assertThat(moded.engine().codeCache().regionCount()).isZero();
        assertThat(moded.reason()).isEqualTo(StopReason.TRAP);
        assertThat(moded.cpu().regs[15]).isEqualTo(2L * LOOP_ITERATIONS);
        assertThat(moded.mem().ld64le(DATA)).isEqualTo((long) LOOP_ITERATIONS * (LOOP_ITERATIONS + 1) / 2);
    }

    @Test
    void anInstructionCountStopsInsideTheLoopExactly() {
        long count = 3 + 7L * 1234 + 4;
        Run plain = run(twoPageLoop(LOOP_ITERATIONS), false, new RunLimits(-1, count, 0));
        Run region = run(twoPageLoop(LOOP_ITERATIONS), true, new RunLimits(-1, count, 0));
        assertThat(region.reason()).isEqualTo(StopReason.COUNT_EXHAUSTED).isEqualTo(plain.reason());
        assertThat(region.cpu().regs).isEqualTo(plain.cpu().regs);
        assertThat(region.cpu().icount).isEqualTo(count);
    }

    @Test
    void aStopPcAfterTheRegionIsReached() {
        RunLimits until = new RunLimits(CODE + 0x1008, 0, 0);
        Run region = run(twoPageLoop(LOOP_ITERATIONS), true, until);
        assertThat(region.reason()).isEqualTo(StopReason.UNTIL_REACHED);
        assertThat(region.engine().codeCache().regionCount()).isPositive();
        assertThat(region.cpu().regs[1]).isZero();
    }

    @Test
    void aStoreIntoTheSecondPageDropsTheRegion() {
        Run region = run(twoPageLoop(LOOP_ITERATIONS), true, RunLimits.NONE);
        CodeCache cache = region.engine().codeCache();
        TranslatedBlock head = cache.get(CODE + 12, 0);
        assertThat(head).isNotNull();
        assertThat(head.ownCode).as("the head runs a region").isNotNull();
        region.mem().st32le(CODE + 0x1800, 0); // not code, but on the latch's page
        assertThat(head.valid).isFalse();
        assertThat(cache.get(CODE + 12, 0)).isNull();
        assertThat(cache.regionCount()).isZero();
    }

    @Test
    void aTimeoutStopsAnEndlessLoopRunningAsARegion() {
        AddressSpace mem = new AddressSpace(64);
        mem.map(CODE, 0x1000, Prot.RX);
        load(mem, CODE,
                enc(ADDI, 1, 1, 1),   // r1++
                enc(ADDI, 2, 2, 3),   // r2 += 3
                enc(JMP, 0, 0, -2));  // forever
        long t0 = System.nanoTime();
        Run r = run(mem, true, new RunLimits(-1, 0, System.nanoTime() + 300_000_000L));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.reason()).isEqualTo(StopReason.TIMEOUT);
        assertThat(r.engine().codeCache().regionCount()).isEqualTo(1);
        assertThat(ms).isLessThan(20_000);
        assertThat(r.cpu().regs[2]).isEqualTo(3 * r.cpu().regs[1]);
        assertThat(r.cpu().icount).isEqualTo(3 * r.cpu().regs[1]);
        assertThat(r.cpu().pc()).isEqualTo(CODE);
    }
}
