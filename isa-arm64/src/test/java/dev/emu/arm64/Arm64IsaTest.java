package dev.emu.arm64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emu.core.ir.Block;
import dev.emu.core.ir.Op;
import dev.emu.core.isa.Isa;
import dev.emu.core.isa.LiftRequest;
import dev.emu.core.mem.GuestFault;

import org.junit.jupiter.api.Test;

class Arm64IsaTest {
    @Test
    void foundThroughServiceLoader() {
        Isa isa = Isa.byName("arm64");
        assertThat(isa).isInstanceOf(Arm64Isa.class);
        assertThat(isa.addressBits()).isEqualTo(64);
    }

    @Test
    void matchesLittleEndianElf64ForAarch64() {
        Isa isa = new Arm64Isa();
        assertThat(isa.matchesElf(183, 2, false, 0)).isTrue();
        assertThat(isa.matchesElf(183, 1, false, 0)).isFalse();
        assertThat(isa.matchesElf(183, 2, true, 0)).isFalse();
        assertThat(isa.matchesElf(40, 2, false, 0)).isFalse();
    }

    @Test
    void registerFileNamesEverySlot() {
        var f = new Arm64Isa().registers();
        assertThat(f.get("x0").slot()).isEqualTo(Arm64Registers.X0);
        assertThat(f.get("x30").slot()).isEqualTo(Arm64Registers.X30);
        assertThat(f.get("lr").slot()).isEqualTo(Arm64Registers.X30);
        assertThat(f.get("sp").slot()).isEqualTo(Arm64Registers.SP);
        assertThat(f.pcSlot()).isEqualTo(Arm64Registers.PC);
        assertThat(f.get("v31").slot()).isEqualTo(Arm64Registers.vlo(31));
        assertThat(f.get("v31").bits()).isEqualTo(128);
        assertThat(f.get("tpidr_el0").slot()).isEqualTo(Arm64Registers.TPIDR_EL0);
        assertThat(new Arm64Isa().newCpu(null).regs[Arm64Registers.EXCL_ADDR]).isEqualTo(-1);
    }

    @Test
    void blockStopsAtMaxInsnsWithAnExitToTheNextPc() {
        int nop = 0x9100_0400; // add x0, x0, #1
        Block b = Arm64Lifter.lift(CodeSource.of(0x1000, nop, nop, nop, nop),
                new LiftRequest(null, 0x1000, 0, 2, -1));
        assertThat(b.guestInsns).isEqualTo(2);
        assertThat(b.endPc).isEqualTo(0x1008);
        assertThat(b.insns[b.insns.length - 1].op).isEqualTo(Op.EXIT);
    }

    @Test
    void blockStopsBeforeStopPc() {
        int nop = 0x9100_0400; // add x0, x0, #1
        Block b = Arm64Lifter.lift(CodeSource.of(0x1000, nop, nop, nop, nop),
                new LiftRequest(null, 0x1000, 0, 64, 0x100c));
        assertThat(b.guestInsns).isEqualTo(3);
    }

    @Test
    void fetchFaultOnFirstInstructionPropagatesAndOnALaterOneEndsTheBlock() {
        int nop = 0x9100_0400; // add x0, x0, #1
        CodeSource src = CodeSource.of(0x1000, nop, nop);
        assertThatThrownBy(() -> Arm64Lifter.lift(src, LiftRequest.at(null, 0x2000, 0)))
                .isInstanceOf(GuestFault.class);
        Block b = Arm64Lifter.lift(src, LiftRequest.at(null, 0x1000, 0));
        assertThat(b.guestInsns).isEqualTo(2);
        assertThat(b.endPc).isEqualTo(0x1008);
        A64Runner r = new A64Runner().code(nop, nop);
        r.run();
        assertThat(r.pc()).isEqualTo(A64Runner.BASE + 8);
    }

    @Test
    void unallocatedWordTrapsIllegalAtItsPc() {
        A64Runner r = new A64Runner().code(0x9100_0400, 0xffffffff).run();
        assertThat(r.trap()).isEqualTo(dev.emu.core.ir.TrapKind.ILLEGAL_INSTRUCTION);
        assertThat(r.pc()).isEqualTo(A64Runner.BASE + 4);
        assertThat(r.cpu.trapDetail).isEqualTo(0xffffffffL);
    }

    @Test
    void liftedBlocksCompileToTier1() {
        // adds x0, x1, #1; crc32b w2, w3, w4; csel x5, x6, x7, eq; rbit x8, x9; b #0x40
        Block b = Arm64Lifter.lift(CodeSource.of(0x1000, 0xb100_0420, 0x1ac4_4062, 0x9a87_00c5, 0xdac0_0128,
                0x1400_0010), LiftRequest.at(null, 0x1000, 0));
        assertThat(dev.emu.core.jit.BlockCompiler.compile(b)).isNotNull();
    }

    @Test
    void describesAnEncodingByItsDecoderRow() {
        assertThat(Arm64Isa.describe(0xf940_0420)).isEqualTo("LDR_imm 0xf9400420 z=1 i=1 n=1 t=0"); // ldr x0, [x1, #8]
        assertThat(Arm64Isa.describe(0xffff_ffff)).isEqualTo("(unallocated) 0xffffffff");
    }

    @Test
    void aMisalignedPcIsAnAlignmentFault() {
        assertThatThrownBy(() -> Arm64Lifter.lift(CodeSource.of(0x1000, 0xd503201f, 0xd503201f),
                LiftRequest.at(null, 0x1002, 0)))
                .isInstanceOfSatisfying(GuestFault.class, f -> {
                    assertThat(f.reason()).isEqualTo(GuestFault.Reason.ALIGNMENT);
                    assertThat(f.access()).isEqualTo(GuestFault.Access.EXECUTE);
                    assertThat(f.address()).isEqualTo(0x1002);
                });
    }
}
