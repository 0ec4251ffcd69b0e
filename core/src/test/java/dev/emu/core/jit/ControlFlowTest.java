package dev.emu.core.jit;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.ir.Block;
import dev.emu.core.ir.Helper;
import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Label;
import dev.emu.core.ir.RandomBlocks;
import dev.emu.core.ir.TrapKind;
import dev.emu.core.ir.Value;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Branches, exits, traps and helper calls, with exact expectations, on both tiers. */
class ControlFlowTest {
    static final int PC = RandomBlocks.REGISTERS.pcSlot();

    static CpuState state(long... regs) {
        CpuState s = new CpuState(RandomBlocks.REGISTERS, null);
        System.arraycopy(regs, 0, s.regs, 0, regs.length);
        s.icount = 100;
        return s;
    }

    @Test
    void branchSkipsCodeAndWholeInstructions() {
        IrBuilder b = new IrBuilder();
        b.insnStart(0x100);
        Label skip = b.newLabel();
        b.brIf(b.cmpNe(b.getReg64(0), b.c64(0)), skip);
        b.insnStart(0x104);
        b.setReg(1, b.c64(111));
        b.insnStart(0x108);
        b.setReg(2, b.c64(222));
        b.label(skip);
        b.insnStart(0x10c);
        b.setReg(3, b.c64(333));
        b.exit(0x110);
        Block block = b.build(0x100, 0x110, 0);

        Tiers.Outcome taken = Tiers.both(block, state(1, 1, 2, 3));
        assertThat(taken.regs()).startsWith(1, 1, 2, 333);
        assertThat(taken.icount()).isEqualTo(100 + 2);
        assertThat(taken.regs()[PC]).isEqualTo(0x110);

        Tiers.Outcome fallthrough = Tiers.both(block, state(0, 1, 2, 3));
        assertThat(fallthrough.regs()).startsWith(0, 111, 222, 333);
        assertThat(fallthrough.icount()).isEqualTo(100 + 4);
    }

    @Test
    void unconditionalBranchSkipsDeadCode() {
        IrBuilder b = new IrBuilder();
        b.insnStart(0x100);
        Label l = b.newLabel();
        b.br(l);
        b.setReg(0, b.c64(-1));
        b.label(l);
        b.setReg(1, b.c32(-1));
        b.exit(0x104);
        Tiers.Outcome o = Tiers.both(b.build(0x100, 0x104, 0), state(5, 6));
        assertThat(o.regs()).startsWith(5, 0xFFFF_FFFFL);
    }

    private static Block exitIfBlock() {
        IrBuilder b = new IrBuilder();
        b.insnStart(0x200);
        b.setReg(0, b.add(b.getReg64(0), b.c64(1)));
        b.insnStart(0x204);
        b.exitIf(b.cmpEq(b.getReg64(1), b.c64(0)), b.c64(0x900)); // exit 0
        b.insnStart(0x208);
        b.setReg(2, b.c64(7));
        b.exit(0x20c); // exit 1
        return b.build(0x200, 0x20c, 0);
    }

    @Test
    void exitIfTaken() {
        Tiers.Outcome o = Tiers.both(exitIfBlock(), state(10, 0, 0));
        assertThat(o.next()).isEqualTo(0x900);
        assertThat(o.regs()[PC]).isEqualTo(0x900);
        assertThat(o.exitIndex()).isZero();
        assertThat(o.icount()).isEqualTo(102);
        assertThat(o.regs()).startsWith(11, 0, 0);
    }

    @Test
    void exitIfNotTaken() {
        Tiers.Outcome o = Tiers.both(exitIfBlock(), state(10, 1, 0));
        assertThat(o.next()).isEqualTo(0x20c);
        assertThat(o.exitIndex()).isEqualTo(1);
        assertThat(o.icount()).isEqualTo(103);
        assertThat(o.regs()).startsWith(11, 1, 7);
        assertThat(o.trap()).isNull();
    }

    @Test
    void trapSetsKindDetailAndResumePc() {
        IrBuilder b = new IrBuilder();
        b.insnStart(0x300);
        b.setReg(8, b.c64(93));
        b.insnStart(0x304);
        b.trap(TrapKind.SYSCALL, 0x308, 0x1234);
        Tiers.Outcome o = Tiers.both(b.build(0x300, 0x308, 0), state());
        assertThat(o.trap()).isEqualTo(TrapKind.SYSCALL);
        assertThat(o.trapDetail()).isEqualTo(0x1234);
        assertThat(o.next()).isEqualTo(0x308);
        assertThat(o.regs()[PC]).isEqualTo(0x308);
        assertThat(o.regs()[8]).isEqualTo(93);
        assertThat(o.icount()).isEqualTo(102);
        assertThat(o.exitIndex()).isZero();
    }

    @Test
    void pureHelperGetsItsArgumentsAndReturnsItsResult() {
        IrBuilder b = new IrBuilder();
        b.insnStart(0x400);
        Value r = b.call(Helper.of(RandomBlocks.Helpers.class, "eight"), b.getReg64(0), b.c32(2), b.c64(3), b.c32(4),
                b.c64(5), b.c32(6), b.c64(7), b.getReg32(1));
        b.setReg(2, r);
        b.call(Helper.of(RandomBlocks.Helpers.class, "nothing"), r);
        b.setReg(3, b.call(Helper.of(RandomBlocks.Helpers.class, "none")));
        b.exit(0x404);
        Tiers.Outcome o = Tiers.both(b.build(0x400, 0x404, 0), state(1, -1));
        assertThat(o.regs()[2]).isEqualTo(RandomBlocks.Helpers.eight(1, 2, 3, 4, 5, 6, 7, -1));
        assertThat(o.regs()[3]).isEqualTo(42);
    }

    /** Records what a state-touching helper saw. */
    public static final class Probe {
        static long sawR0;

        public static long probe(CpuState s, long add) {
            sawR0 = s.regs[0];
            s.regs[0] += add;
            s.regs[5] = 55;
            return s.regs[1];
        }
    }

    @Test
    void stateTouchingHelperSeesWrittenRegistersAndTheBlockSeesItsChanges() {
        IrBuilder b = new IrBuilder();
        b.insnStart(0x500);
        b.setReg(0, b.c64(1000));
        b.insnStart(0x504);
        Value r = b.call(Helper.of(Probe.class, "probe"), b.c64(5));
        b.setReg(1, b.add(b.getReg64(0), r)); // r0 as the helper left it
        b.setReg(6, b.getReg64(5));
        b.exit(0x508);
        Block block = b.build(0x500, 0x508, 0);

        Probe.sawR0 = 0;
        Tiers.Outcome i = Tiers.interpret(block, state(0, 3));
        assertThat(Probe.sawR0).isEqualTo(1000);
        Probe.sawR0 = 0;
        Tiers.Outcome j = Tiers.jit(block, state(0, 3));
        assertThat(Probe.sawR0).isEqualTo(1000);
        assertThat(j).isEqualTo(i);
        assertThat(j.regs()).startsWith(1005, 1008, 0, 0, 0, 55, 55);
    }

    @Test
    void pcSlotWrittenByTheBlockIsOverriddenByTheExit() {
        IrBuilder b = new IrBuilder();
        b.insnStart(0x600);
        b.setReg(PC, b.c64(0xdead));
        b.exit(0x604);
        Tiers.Outcome o = Tiers.both(b.build(0x600, 0x604, 0), state());
        assertThat(o.regs()[PC]).isEqualTo(0x604);
    }

    @Test
    void emptyBlockBeforeAnyInstruction() {
        IrBuilder b = new IrBuilder();
        b.exit(0x700);
        Tiers.Outcome o = Tiers.both(b.build(0x700, 0x700, 0), state());
        assertThat(o.icount()).isEqualTo(100);
        assertThat(o.next()).isEqualTo(0x700);
    }
}
