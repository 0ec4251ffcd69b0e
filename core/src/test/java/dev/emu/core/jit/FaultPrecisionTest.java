package dev.emu.core.jit;

import dev.emu.core.cpu.CpuState;
import dev.emu.core.engine.BlockCode;
import dev.emu.core.ir.Block;
import dev.emu.core.ir.Helper;
import dev.emu.core.ir.IrBuilder;
import dev.emu.core.ir.RandomBlocks;
import dev.emu.core.ir.Type;
import dev.emu.core.ir.Value;
import dev.emu.core.mem.AddressSpace;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A fault in the middle of a block leaves, on both tiers, the registers as the completed
 * instructions left them, the pc naming the faulting instruction and icount counting only
 * the completed ones.
 */
class FaultPrecisionTest {
    static final RandomBlocks.Window W = RandomBlocks.Window.STANDARD;
    static final int PC = RandomBlocks.REGISTERS.pcSlot();

    @BeforeEach
    void memoryAvailable() {
        assumeTrue(W.newMemory(0) != null, "AddressSpace not implemented yet");
    }

    static CpuState state() {
        CpuState s = new CpuState(RandomBlocks.REGISTERS, W.newMemory(1));
        for (int r = 0; r < 16; r++) {
            s.regs[r] = 100 + r;
        }
        s.icount = 1000;
        return s;
    }

    /** Three instructions; the second loads from {@code addr} into r1 and bumps r2. */
    static Block loadInTheMiddle(long addr) {
        IrBuilder b = new IrBuilder();
        b.insnStart(0x100);
        b.setReg(0, b.add(b.getReg64(0), b.c64(1)));
        b.insnStart(0x104);
        Value v = b.load(Type.I64, b.c64(addr), 8, false, false);
        b.setReg(1, v);
        b.setReg(2, b.add(b.getReg64(2), b.c64(1)));
        b.insnStart(0x108);
        b.setReg(3, b.c64(0));
        b.exit(0x10c);
        return b.build(0x100, 0x10c, 0);
    }

    @Test
    void loadFromUnmappedAddress() {
        Tiers.Outcome o = Tiers.both(loadInTheMiddle(W.unmapped()), state());
        assertThat(o.fault()).contains("read", Long.toHexString(W.unmapped()));
        assertThat(o.regs()).startsWith(101, 101, 102, 103);
        assertThat(o.regs()[PC]).isEqualTo(0x104);
        assertThat(o.icount()).isEqualTo(1001);
    }

    @Test
    void sameBlockWithoutFaultRunsThrough() {
        Tiers.Outcome o = Tiers.both(loadInTheMiddle(W.base()), state());
        assertThat(o.fault()).isNull();
        assertThat(o.regs()[PC]).isEqualTo(0x10c);
        assertThat(o.icount()).isEqualTo(1003);
        assertThat(o.regs()[3]).isZero();
    }

    @Test
    void storeToReadOnlyPageInTheFirstInstruction() {
        IrBuilder b = new IrBuilder();
        b.insnStart(0x200);
        b.store(b.c64(W.readOnly()), b.getReg32(5), 4, true);
        b.setReg(5, b.c64(0));
        b.insnStart(0x204);
        b.setReg(6, b.c64(0));
        b.exit(0x208);
        Tiers.Outcome o = Tiers.both(b.build(0x200, 0x208, 0), state());
        assertThat(o.fault()).contains("write");
        assertThat(o.regs()[5]).isEqualTo(105);
        assertThat(o.regs()[PC]).isEqualTo(0x200);
        assertThat(o.icount()).isEqualTo(1000);
    }

    @Test
    void faultInsideAStateTouchingHelper() {
        IrBuilder b = new IrBuilder();
        b.insnStart(0x300);
        b.setReg(7, b.c64(77));
        b.insnStart(0x304);
        b.call(Helper.of(RandomBlocks.Helpers.class, "bump"), b.c32(8));
        b.insnStart(0x308);
        Value v = b.call(Helper.of(RandomBlocks.Helpers.class, "load32"), b.c64(W.unmapped()));
        b.setReg(9, b.zext64(v));
        b.exit(0x30c);
        Tiers.Outcome o = Tiers.both(b.build(0x300, 0x30c, 0), state());
        assertThat(o.fault()).isNotNull();
        assertThat(o.regs()[7]).isEqualTo(77);
        assertThat(o.regs()[8]).isEqualTo(109);
        assertThat(o.regs()[9]).isEqualTo(109);
        assertThat(o.regs()[PC]).isEqualTo(0x308);
        assertThat(o.icount()).isEqualTo(1002);
    }

    @Test
    void faultInALaterPartOfASplitBlock() {
        IrBuilder b = new IrBuilder();
        int insns = 40;
        for (int i = 0; i < insns; i++) {
            b.insnStart(0x1000 + 4L * i);
            if (i == 30) {
                b.setReg(14, b.load(Type.I64, b.c64(W.unmapped()), 8, false, false));
            }
            b.setReg(i % 14, b.add(b.getReg64(i % 14), b.c64(i)));
        }
        b.exit(0x1000 + 4L * insns);
        Block block = b.build(0x1000, 0x1000 + 4L * insns, 0);
        BlockCode split = BlockCompiler.compile(block, 200);
        assertThat(split).isNotNull();
        Tiers.Outcome i = Tiers.interpret(block, state());
        Tiers.Outcome j = Tiers.run(split, state());
        assertThat(j).isEqualTo(i);
        assertThat(j.regs()[PC]).isEqualTo(0x1000 + 4 * 30);
        assertThat(j.icount()).isEqualTo(1030);
        assertThat(j.regs()[14]).isEqualTo(114);
        assertThat(j.regs()[0]).isEqualTo(100 + 0 + 14 + 28);
    }

    @Test
    void casReturnsTheOldValueZeroExtended() {
        IrBuilder b = new IrBuilder();
        b.insnStart(0x400);
        Value addr = b.c64(W.base() + 16);
        b.store(addr, b.c32(-2), 4, false);
        Value old = b.cas(addr, b.c64(0xFFFF_FFFEL), b.c64(0x1_2345_6789L), 4, false);
        b.setReg(0, old);
        b.setReg(1, b.load(Type.I64, addr, 4, false, false));
        Value miss = b.cas(addr, b.c32(5), b.c32(6), 4, true);
        b.setReg(2, miss);
        b.exit(0x404);
        Tiers.Outcome o = Tiers.both(b.build(0x400, 0x404, 0), state());
        assertThat(o.regs()).startsWith(0xFFFF_FFFEL, 0x2345_6789L, 0x8967_4523L);
    }
}
