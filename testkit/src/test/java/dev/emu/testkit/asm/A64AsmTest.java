package dev.emu.testkit.asm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emu.testkit.asm.A64Asm.Cond;
import dev.emu.testkit.asm.A64Asm.Index;
import dev.emu.testkit.asm.A64Asm.Label;
import dev.emu.testkit.asm.A64Asm.SysReg;
import org.junit.jupiter.api.Test;

/** Each expected word is the encoding the Arm ARM's field layout gives for the disassembly beside it. */
class A64AsmTest {
    private static int one(java.util.function.Consumer<A64Asm> emit) {
        A64Asm a = new A64Asm();
        emit.accept(a);
        int[] w = a.words();
        assertThat(w).hasSize(1);
        return w[0];
    }

    @Test
    void moveWide() {
        assertThat(one(a -> a.movz(0, 0x1234, 0))).isEqualTo(0xd2824680);     // movz x0, #0x1234
        assertThat(one(a -> a.movz(5, 0xbeef, 48))).isEqualTo(0xd2f7dde5);    // movz x5, #0xbeef, lsl #48
        assertThat(one(a -> a.movk(30, 0xffff, 16))).isEqualTo(0xf2bffffe);   // movk x30, #0xffff, lsl #16
        assertThat(one(a -> a.movn(2, 0, 0))).isEqualTo(0x92800002);          // movn x2, #0  (mov x2, #-1)
        assertThat(one(a -> a.movzW(3, 7, 16))).isEqualTo(0x52a000e3);        // movz w3, #7, lsl #16
    }

    @Test
    void mov64PicksShortSequences() {
        assertThat(new A64Asm().mov64(1, 0).words()).containsExactly(0xd2800001);          // movz x1, #0
        assertThat(new A64Asm().mov64(2, -1).words()).containsExactly(0x92800002);         // movn x2, #0
        assertThat(new A64Asm().mov64(0, 0xbeef_0000_0000_1234L).words())
                .containsExactly(0xd2824680, 0xf2f7dde0);                               // movz x0,#0x1234; movk x0,#0xbeef,lsl #48
        assertThat(new A64Asm().mov64(3, 0xffff_ffff_ffff_fffeL).words())
                .containsExactly(0x92800023);                                           // movn x3, #1
        assertThat(new A64Asm().mov64(4, 0x1111_2222_3333_4444L).words()).hasSize(4);
    }

    @Test
    void addressesAndArithmetic() {
        assertThat(one(a -> a.adr(1, 20))).isEqualTo(0x100000a1);             // adr x1, .+20
        assertThat(one(a -> a.adr(1, -4))).isEqualTo(0x10ffffe1);             // adr x1, .-4
        assertThat(one(a -> a.addImm(0, 0, 0xabc))).isEqualTo(0x912af000);   // add x0, x0, #0xabc
        assertThat(one(a -> a.movSp(A64Asm.SP, 1))).isEqualTo(0x9100003f);   // mov sp, x1
        assertThat(one(a -> a.movSp(1, A64Asm.SP))).isEqualTo(0x910003e1);   // mov x1, sp
        assertThat(one(a -> a.subImm(2, 3, 0x1000))).isEqualTo(0xd1400462);  // sub x2, x3, #1, lsl #12
        assertThat(one(a -> a.mov(4, 5))).isEqualTo(0xaa0503e4);             // mov x4, x5
        assertThat(one(a -> a.lsrImm(5, 5, 28))).isEqualTo(0xd35cfca5);      // lsr x5, x5, #28
        assertThat(one(a -> a.lslImm(5, 5, 28))).isEqualTo(0xd3648ca5);      // lsl x5, x5, #28
        assertThat(one(a -> a.lslImm(1, 2, 1))).isEqualTo(0xd37ff841);       // lsl x1, x2, #1
        assertThat(one(a -> a.lsrImm(1, 2, 63))).isEqualTo(0xd37ffc41);      // lsr x1, x2, #63
    }

    @Test
    void adrpToAbsoluteAddress() {
        A64Asm a = new A64Asm(0x400000);
        a.nop();
        a.addressOf(3, 0x10000123L);
        // adrp x3, 0x10000000 at 0x400004: (0x10000 - 0x400) pages = 0xfc00
        //   immlo = 0, immhi = 0xfc00 >> 2 = 0x3f00 -> 0x90000000 | 0x3f00 << 5 | 3
        assertThat(a.words()).containsExactly(0xd503201f, 0x9007e003, 0x91048c63); // nop; adrp x3, ...; add x3, x3, #0x123
    }

    @Test
    void loadsAndStores() {
        assertThat(one(a -> a.ldrX(0, 30, 256))).isEqualTo(0xf94083c0);      // ldr x0, [x30, #256]
        assertThat(one(a -> a.strX(1, 0, 248))).isEqualTo(0xf9007c01);       // str x1, [x0, #248]
        assertThat(one(a -> a.ldrW(2, 3, 4))).isEqualTo(0xb9400462);         // ldr w2, [x3, #4]
        assertThat(one(a -> a.strW(2, 3, 8))).isEqualTo(0xb9000862);         // str w2, [x3, #8]
        assertThat(one(a -> a.ldrb(1, 2, 3))).isEqualTo(0x39400c41);         // ldrb w1, [x2, #3]
        assertThat(one(a -> a.strb(1, 2, 3))).isEqualTo(0x39000c41);         // strb w1, [x2, #3]
        assertThat(one(a -> a.ldrD(7, 1, 8))).isEqualTo(0xfd400427);         // ldr d7, [x1, #8]
        assertThat(one(a -> a.strD(7, 1, 16))).isEqualTo(0xfd000827);        // str d7, [x1, #16]
        assertThat(one(a -> a.ldrQ(0, 30, 288))).isEqualTo(0x3dc04bc0);      // ldr q0, [x30, #288]
        assertThat(one(a -> a.strQ(31, A64Asm.SP, 65520))).isEqualTo(0x3dbfffff); // str q31, [sp, #65520]
        assertThatThrownBy(() -> new A64Asm().ldrX(0, 1, 12)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pairs() {
        assertThat(one(a -> a.ldpX(0, 1, 30, 0))).isEqualTo(0xa94007c0);     // ldp x0, x1, [x30]
        assertThat(one(a -> a.stpX(29, 30, 0, 232))).isEqualTo(0xa90ef81d);  // stp x29, x30, [x0, #232]
        assertThat(one(a -> a.ldpQ(0, 1, 30, 288))).isEqualTo(0xad4907c0);   // ldp q0, q1, [x30, #288]
        assertThat(one(a -> a.stpQ(30, 31, 0, 768))).isEqualTo(0xad187c1e);  // stp q30, q31, [x0, #768]
        assertThat(one(a -> a.pairQ(true, Index.POST, 0, 1, 0, 32))).isEqualTo(0xacc10400);  // ldp q0, q1, [x0], #32
        assertThat(one(a -> a.pairQ(false, Index.POST, 0, 1, 2, 32))).isEqualTo(0xac810440); // stp q0, q1, [x2], #32
        assertThat(one(a -> a.pairX(false, Index.PRE, 29, 30, A64Asm.SP, -16))).isEqualTo(0xa9bf7bfd); // stp x29, x30, [sp, #-16]!
        assertThat(one(a -> a.pairX(true, Index.POST, 29, 30, A64Asm.SP, 16))).isEqualTo(0xa8c17bfd);  // ldp x29, x30, [sp], #16
        assertThat(one(a -> a.pairD(true, Index.OFFSET, 8, 9, A64Asm.SP, -64))).isEqualTo(0x6d7c27e8); // ldp d8, d9, [sp, #-64]
        assertThatThrownBy(() -> new A64Asm().ldpX(0, 1, 2, 512)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void systemRegisters() {
        assertThat(one(a -> a.mrs(1, SysReg.NZCV))).isEqualTo(0xd53b4201);       // mrs x1, nzcv
        assertThat(one(a -> a.msr(SysReg.NZCV, 0))).isEqualTo(0xd51b4200);       // msr nzcv, x0
        assertThat(one(a -> a.mrs(1, SysReg.FPCR))).isEqualTo(0xd53b4401);       // mrs x1, fpcr
        assertThat(one(a -> a.msr(SysReg.FPCR, 0))).isEqualTo(0xd51b4400);       // msr fpcr, x0
        assertThat(one(a -> a.mrs(1, SysReg.FPSR))).isEqualTo(0xd53b4421);       // mrs x1, fpsr
        assertThat(one(a -> a.msr(SysReg.FPSR, 0))).isEqualTo(0xd51b4420);       // msr fpsr, x0
        assertThat(one(a -> a.mrs(1, SysReg.TPIDR_EL0))).isEqualTo(0xd53bd041);  // mrs x1, tpidr_el0
        assertThat(one(a -> a.msr(SysReg.TPIDR_EL0, 0))).isEqualTo(0xd51bd040);  // msr tpidr_el0, x0
    }

    @Test
    void exceptionsAndHints() {
        assertThat(one(a -> a.svc(0))).isEqualTo(0xd4000001);     // svc #0
        assertThat(one(a -> a.brk(0x3e8))).isEqualTo(0xd4207d00); // brk #0x3e8
        assertThat(one(A64Asm::nop)).isEqualTo(0xd503201f);      // nop
    }

    @Test
    void branches() {
        assertThat(one(a -> a.b(8))).isEqualTo(0x14000002);       // b .+8
        assertThat(one(a -> a.b(-4))).isEqualTo(0x17ffffff);      // b .-4
        assertThat(one(a -> a.br(5))).isEqualTo(0xd61f00a0);      // br x5
        assertThat(one(a -> a.blr(6))).isEqualTo(0xd63f00c0);     // blr x6
        assertThat(one(A64Asm::ret)).isEqualTo(0xd65f03c0);      // ret
    }

    @Test
    void branchesToLabels() {
        A64Asm a = new A64Asm();
        Label back = a.newLabel();
        Label fwd = a.newLabel();
        a.bind(back);
        a.nop();                       // 0
        a.bCond(Cond.EQ, fwd);         // 4:  b.eq .+12 (-> 16)
        a.bCond(Cond.NE, back);        // 8:  b.ne .-8  (-> 0)
        a.cbz(3, fwd);                 // 12: cbz x3, .+4 ... (-> 16)
        a.bind(fwd);
        a.cbnz(4, back);               // 16: cbnz x4, .-16
        a.tbz(5, 40, fwd);             // 20: tbz x5, #40, .-4
        a.tbnz(6, 3, back);            // 24: tbnz w6, #3, .-24
        a.bl(fwd);                     // 28: bl .-12
        a.adr(7, back);                // 32: adr x7, .-32
        assertThat(a.words()).containsExactly(
                0xd503201f,
                0x54000060,            // b.eq #12
                0x54ffffc1,            // b.ne #-8
                0xb4000023,            // cbz x3, #4
                0xb5ffff84,            // cbnz x4, #-16
                0xb647ffe5,            // tbz x5, #40, #-4
                0x371fff46,            // tbnz w6, #3, #-24
                0x97fffffd,            // bl #-12
                0x10ffff07);           // adr x7, #-32
    }

    @Test
    void unboundLabelIsAnError() {
        A64Asm a = new A64Asm();
        a.b(a.newLabel());
        assertThatThrownBy(a::words).isInstanceOf(IllegalStateException.class);
    }
}
