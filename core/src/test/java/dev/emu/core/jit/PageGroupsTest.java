package dev.emu.core.jit;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.interp.IrInterpreter;
import dev.emu.core.ir.Block;
import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.Op;
import dev.emu.core.ir.RandomBlocks;
import dev.emu.core.ir.Type;
import dev.emu.core.ir.Value;
import dev.emu.core.mem.AddressSpace;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Page groups: which accesses share one TLB check, and that grouped accesses behave exactly
 * as the interpreter's, with the TLB warm (the grouped path runs) and cold (every access
 * takes its own path), across a page boundary and into a fault.
 */
class PageGroupsTest {
    static final RandomBlocks.Window W = RandomBlocks.Window.STANDARD;
    static final int BASE_REG = 5;

    /** The groups of each access of b, in order (-1: none). */
    private static List<Integer> groupsOf(Block b) {
        PageGroups g = PageGroups.find(b, 0, b.insns.length, null);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < b.insns.length; i++) {
            if (b.insns[i].op == Op.LOAD || b.insns[i].op == Op.STORE) {
                out.add(g.groupOf(i));
            }
        }
        return out;
    }

    private static Value at(IrBuilder b, long offset) {
        // as a lifter does: the base register read afresh by each instruction
        return b.add(b.getReg64(BASE_REG), b.c64(offset));
    }

    private static long pc;

    /** Starts the next guest instruction: a fault names it, and the ones before it completed. */
    private static void step(IrBuilder ir) {
        ir.insnStart(pc += 4);
    }

    private static Block block(Consumer<IrBuilder> body) {
        IrBuilder b = new IrBuilder();
        pc = 0x100;
        b.insnStart(pc);
        body.accept(b);
        b.exit(0x200);
        return b.build(0x100, 0x200, 0);
    }

    @Test
    void loadsFromOneRegisterShareACheckUntilItIsWritten() {
        Block b = block(ir -> {
            ir.setReg(1, ir.load(Type.I64, at(ir, 16), 8, false, false));
            ir.setReg(2, ir.load(Type.I64, at(ir, 24), 8, false, false));
            ir.setReg(3, ir.load(Type.I32, at(ir, -4), 4, false, false));
            ir.setReg(BASE_REG, ir.add(ir.getReg64(BASE_REG), ir.c64(64)));
            ir.setReg(4, ir.load(Type.I64, at(ir, 0), 8, false, false));
            ir.setReg(6, ir.load(Type.I64, at(ir, 8), 8, false, false));
        });
        assertThat(groupsOf(b)).containsExactly(0, 0, 0, 1, 1);
    }

    @Test
    void storesEndLoadGroupsAndSingleAccessesHaveNone() {
        Block b = block(ir -> {
            ir.setReg(1, ir.load(Type.I64, at(ir, 0), 8, false, false));
            ir.store(at(ir, 8), ir.getReg64(7), 8, false);
            ir.store(at(ir, 16), ir.getReg64(7), 8, false);
            ir.setReg(2, ir.load(Type.I64, at(ir, 8), 8, false, false));
            ir.setReg(3, ir.load(Type.I64, at(ir, 4096), 8, false, false));
        });
        assertThat(groupsOf(b)).containsExactly(-1, 0, 0, -1, -1);
    }

    /** A forward branch may skip a member but never the first access; its label ends the group. */
    @Test
    void labelsEndGroups() {
        Block b = block(ir -> {
            ir.setReg(1, ir.load(Type.I64, at(ir, 0), 8, false, false));
            dev.emu.core.ir.Label skip = ir.newLabel();
            ir.brIf(ir.cmpEq(ir.getReg64(7), ir.c64(0)), skip);
            ir.setReg(2, ir.load(Type.I64, at(ir, 8), 8, false, false));
            ir.label(skip);
            ir.setReg(3, ir.load(Type.I64, at(ir, 16), 8, false, false));
            ir.setReg(4, ir.load(Type.I64, at(ir, 24), 8, false, false));
        });
        assertThat(groupsOf(b)).containsExactly(0, 0, 1, 1);
    }

    /** ldp-like loads, a stp-like store pair, then loads that must see the stores. */
    private static Block pairs() {
        return block(ir -> {
            ir.setReg(1, ir.load(Type.I64, at(ir, 0), 8, false, false));
            step(ir);
            ir.setReg(2, ir.load(Type.I32, at(ir, 8), 4, true, true));
            step(ir);
            ir.setReg(3, ir.load(Type.I32, at(ir, 12), 2, false, false));
            step(ir);
            ir.setReg(4, ir.load(Type.I64, at(ir, 15), 1, true, false));
            step(ir);
            ir.store(at(ir, 0), ir.getReg64(2), 8, false);
            step(ir);
            ir.store(at(ir, 8), ir.trunc32(ir.getReg64(1)), 4, true);
            step(ir);
            ir.store(at(ir, 12), ir.trunc32(ir.getReg64(1)), 2, false);
            step(ir);
            ir.setReg(6, ir.load(Type.I64, at(ir, 0), 8, false, false));
            step(ir);
            ir.setReg(7, ir.load(Type.I64, at(ir, 8), 8, false, true));
        });
    }

    private static CpuState state(long base, boolean warm) {
        AddressSpace m = W.newMemory(7);
        if (warm) {
            // fills the read and write TLBs of both window pages (and breaks copy-on-write)
            for (long a = W.base(); a < W.base() + W.size(); a += AddressSpace.PAGE_SIZE) {
                m.st8(a, m.ld8(a));
            }
        }
        CpuState s = new CpuState(RandomBlocks.REGISTERS, m);
        s.regs[BASE_REG] = base;
        return s;
    }

    private static void sameOnBothTiers(Block b, long base, boolean warm) {
        CpuState si = state(base, warm);
        CpuState sj = state(base, warm);
        Tiers.Outcome i = Tiers.run(st -> IrInterpreter.run(b, st), si);
        Tiers.Outcome j = Tiers.run(BlockCompiler.compile(b), sj);
        assertThat(j).as("base 0x%x, warm %s", base, warm).isEqualTo(i);
        assertThat(W.contents(sj.mem)).isEqualTo(W.contents(si.mem));
    }

    @Test
    void groupedAccessesMatchTheInterpreterInsideAPageAndAcrossOne() {
        Block b = pairs();
        long page2 = W.base() + AddressSpace.PAGE_SIZE;
        for (boolean warm : new boolean[] {true, false}) {
            for (long base : new long[] {W.base() + 0x40, W.base() + 0x7f3, page2 - 16, page2 - 9, page2 - 1, page2 + 8}) {
                sameOnBothTiers(b, base, warm);
            }
        }
    }

    @Test
    void aGroupRunningOffTheMappingFaultsAtTheExactAccess() {
        Block b = pairs();
        long end = W.base() + W.size();
        for (long base : new long[] {end - 8, end - 12, end - 15, end}) {
            sameOnBothTiers(b, base, true);
        }
        CpuState s = state(end - 8, true);
        Tiers.Outcome o = Tiers.run(BlockCompiler.compile(b), s);
        assertThat(o.fault()).contains("read", Long.toHexString(end));
        assertThat(o.regs()[RandomBlocks.REGISTERS.pcSlot()]).as("the second instruction faulted").isEqualTo(0x104);
        assertThat(o.regs()[1]).as("the first load completed").isNotZero();
    }
}
