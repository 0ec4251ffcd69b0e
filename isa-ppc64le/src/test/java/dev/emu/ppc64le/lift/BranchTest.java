package dev.emu.ppc64le.lift;

import static dev.emu.testkit.asm.P64Asm.xl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.core.ir.TrapKind;
import dev.emu.ppc64le.PpcRunner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Book I chapter 2 (Branch): b, bc with CTR and CR conditions, bclr/bcctr, CR logical, mcrf, sc; both tiers. */
class BranchTest {
    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {false, true})
    void bdnzLoopCountsDownCtr(boolean compiled) {
        PpcRunner r = new PpcRunner().compiled(compiled).code(
                0x38600000,  // li r3,0
                0x38630002,  // loop: addi r3,r3,2
                0x4200fffc); // bdnz loop
        r.set("ctr", 5).run();
        assertThat(r.r(3)).isEqualTo(10);
        assertThat(r.get("ctr")).isZero();
    }

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {false, true})
    void blSetsLrAndBlrReturns(boolean compiled) {
        PpcRunner r = new PpcRunner().compiled(compiled).code(
                0x4800000d,  // bl +12
                0x38800001,  // li r4,1 (after return)
                0x48000010,  // b +16 (out)
                0x38a00007,  // li r5,7
                0x4e800020); // blr
        r.run();
        assertThat(r.r(5)).isEqualTo(7);
        assertThat(r.r(4)).isEqualTo(1);
        assertThat(r.get("lr")).isEqualTo(PpcRunner.CODE + 4);
    }

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {false, true})
    void bcTestsTheCrBit(boolean compiled) {
        // beq cr1,+8 ; li r3,1 ; (end)
        int beqCr1 = 16 << 26 | 12 << 21 | 6 << 16 | 8;
        PpcRunner taken = new PpcRunner().compiled(compiled).code(beqCr1, 0x38600001);
        taken.set("cr1", 0b0010).r(3, 0).run();
        assertThat(taken.r(3)).isZero();
        PpcRunner notTaken = new PpcRunner().compiled(compiled).code(beqCr1, 0x38600001);
        notTaken.set("cr1", 0b0100).r(3, 0).run();
        assertThat(notTaken.r(3)).isEqualTo(1);
    }

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {false, true})
    void bcctrlBranchesToCtrAndLinks(boolean compiled) {
        PpcRunner r = new PpcRunner().compiled(compiled).code(xl(20, 0, 0, 528, true), 0x38600001, 0x38800002);
        r.set("ctr", PpcRunner.CODE + 8).run();
        assertThat(r.r(3)).isZero();
        assertThat(r.r(4)).isEqualTo(2);
        assertThat(r.get("lr")).isEqualTo(PpcRunner.CODE + 4);
    }

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {false, true})
    void crLogicalAndMcrf(boolean compiled) {
        PpcRunner r = new PpcRunner().compiled(compiled).code(
                xl(4, 1, 2, 193, false),   // crxor 4,1,2: cr1.LT = cr0.GT ^ cr0.EQ
                xl(31, 0, 0, 289, false),  // creqv 31,0,0: cr7.SO = 1
                xl(2 << 2, 1 << 2, 0, 0, false)); // mcrf 2,1
        r.set("cr0", 0b0100).run();
        assertThat(r.cr(1)).isEqualTo(0b1000);
        assertThat(r.cr(2)).isEqualTo(0b1000);
        assertThat(r.cr(7) & 1).isEqualTo(1);
    }

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {false, true})
    void scTrapsWithThePcAfterIt(boolean compiled) {
        PpcRunner r = new PpcRunner().compiled(compiled).code(0x38000001, 0x44000002); // li r0,1 ; sc
        r.run();
        assertThat(r.trap()).isEqualTo(TrapKind.SYSCALL);
        assertThat(r.cpu.pc()).isEqualTo(PpcRunner.CODE + 8);
    }

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {false, true})
    void unknownEncodingRaisesSigillWithTheWord(boolean compiled) {
        PpcRunner r = new PpcRunner().compiled(compiled).code(0x00000000);
        r.run();
        assertThat(r.trap()).isEqualTo(TrapKind.ILLEGAL_INSTRUCTION);
        assertThat(r.cpu.trapDetail).isZero();
        PpcRunner scv = new PpcRunner().compiled(compiled).code(0x44000001); // scv 0 (ISA 3.0): not implemented
        scv.run();
        assertThat(scv.trap()).isEqualTo(TrapKind.ILLEGAL_INSTRUCTION);
        assertThat(scv.cpu.trapDetail).isEqualTo(0x44000001L);
    }
}
