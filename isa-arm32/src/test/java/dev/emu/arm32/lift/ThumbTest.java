package dev.emu.arm32.lift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.arm32.A32Runner;
import dev.emu.core.ir.TrapKind;

import org.junit.jupiter.api.Test;

class ThumbTest {
    static final long D = A32Runner.DATA;

    @Test
    void ADD_imm_T1_sets_flags_outside_IT() {
        A32Runner r = A32Runner.thumb(0x1cc8).r(1, -3).run(); // adds r0, r1, #3
        assertThat(r.r(0)).isZero();
        assertThat(r.nzcv()).isEqualTo(0b0110);
    }

    @Test
    void IT_block() {
        // cmp r0, #5; ite eq; moveq r1, #1; movne r1, #2
        assertThat(A32Runner.thumb(0x2805, 0xbf0c, 0x2101, 0x2102).r(0, 5).run().r(1)).isEqualTo(1);
        A32Runner r = A32Runner.thumb(0x2805, 0xbf0c, 0x2101, 0x2102).r(0, 4).run();
        assertThat(r.r(1)).isEqualTo(2);
        assertThat(r.nzcv() & 0b0100).isZero(); // MOV inside the IT block does not set flags
        assertThat(r.cpu.get("itstate")).isZero();
    }

    @Test
    void IT_block_split_across_blocks_keeps_its_state() {
        // cmp r0, #5; ite eq; moveq r1, #1 | (new block) movne r1, #2
        A32Runner r = A32Runner.thumb(0x2805, 0xbf0c, 0x2101, 0x2102).r(0, 4);
        r.maxInsns = 3;
        r.run();
        assertThat(r.r(1)).isEqualTo(2);
        assertThat(r.blocks).isEqualTo(2);
    }

    @Test
    void ADD_imm_T3_modified_immediate() {
        // add.w r2, r3, #0x00ff00ff
        assertThat(A32Runner.thumb(0xf103, 0x12ff).r(3, 1).run().r(2)).isEqualTo(0x00ff_0100L);
    }

    @Test
    void LDR_imm8_pre_writeback() {
        // ldr r0, [r1, #-4]!
        A32Runner r = A32Runner.thumb(0xf851, 0x0d04).r(1, D + 8).poke32(D + 4, 1234).run();
        assertThat(r.r(0)).isEqualTo(1234);
        assertThat(r.r(1)).isEqualTo(D + 4);
    }

    @Test
    void PUSH_POP_pc_interworks() {
        // push {r4, lr}; pop {r4, pc}
        A32Runner r = A32Runner.thumb(0xb510, 0xbd10).r(13, D + 0x100).r(4, 7).r(14, 0x7000).run();
        assertThat(r.pc()).isEqualTo(0x7000);
        assertThat(r.cpu.get("t")).isZero();
        assertThat(r.r(4)).isEqualTo(7);
    }

    @Test
    void LDRD_MOVW_MOVT_UBFX_ROR_UDIV() {
        A32Runner r = A32Runner.thumb(0xe9d2, 0x0102).r(2, D).poke32(D + 8, 5).poke32(D + 12, 6).run(); // ldrd r0, r1, [r2, #8]
        assertThat(new long[] {r.r(0), r.r(1)}).containsExactly(5, 6);
        // movw r0, #0x1234; movt r0, #0xabcd
        assertThat(A32Runner.thumb(0xf241, 0x2034, 0xf6ca, 0x30cd).run().r(0)).isEqualTo(0xabcd_1234L);
        assertThat(A32Runner.thumb(0xf3c1, 0x00c4).r(1, 0xF8).run().r(0)).isEqualTo(0x1F); // ubfx r0, r1, #3, #5
        assertThat(A32Runner.thumb(0xea4f, 0x10f1).r(1, 0x80).run().r(0)).isEqualTo(1); // ror.w r0, r1, #7
        assertThat(A32Runner.thumb(0xfbb1, 0xf0f2).r(1, 100).r(2, 7).run().r(0)).isEqualTo(14); // udiv r0, r1, r2
    }

    @Test
    void LDR_literal() {
        // ldr.w r0, [pc, #8] (Align(PC, 4) = BASE + 4: the word at BASE + 12); ldrh.w r1, [pc, #-2]
        // (Align(BASE + 8, 4) - 2: its own second halfword); b.n over the data
        A32Runner r = A32Runner.thumb(0xf8df, 0x0008, 0xf83f, 0x1002, 0xe002, 0x0000, 0x1234, 0x5678).run();
        assertThat(r.r(0)).isEqualTo(0x5678_1234L);
        assertThat(r.r(1)).isEqualTo(0x1002);
    }

    @Test
    void TBB() {
        // tbb [r0, r1]: table at D, entry 1 = 3 halfwords
        A32Runner r = A32Runner.thumb(0xe8d0, 0xf001).r(0, D).r(1, 1).poke32(D, 0x0000_0300L).run();
        assertThat(r.pc()).isEqualTo(A32Runner.BASE + 4 + 6);
    }

    @Test
    void SVC_and_UDF() {
        A32Runner r = A32Runner.thumb(0xdf00).run(); // svc #0
        assertThat(r.trap()).isEqualTo(TrapKind.SYSCALL);
        assertThat(r.pc()).isEqualTo(A32Runner.BASE + 2);
        assertThat(A32Runner.thumb(0xde01).run().trap()).isEqualTo(TrapKind.ILLEGAL_INSTRUCTION); // udf #1
    }

    @Test
    void MULS_LSLS() {
        assertThat(A32Runner.thumb(0x00c8).r(1, 3).run().r(0)).isEqualTo(24); // lsls r0, r1, #3
        assertThat(A32Runner.thumb(0x4348).r(0, 6).r(1, 7).run().r(0)).isEqualTo(42); // muls r0, r1, r0
    }
}
