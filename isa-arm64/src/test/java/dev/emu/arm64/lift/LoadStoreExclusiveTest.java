package dev.emu.arm64.lift;

import static dev.emu.arm64.TestMemory.DATA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emu.arm64.A64Runner;
import dev.emu.arm64.TestMemory;
import dev.emu.core.mem.AddressSpace;
import dev.emu.core.mem.GuestFault;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoadStoreExclusiveTest {
    private AddressSpace mem;
    private A64Runner r;

    @BeforeEach
    void setUp() {
        mem = TestMemory.create();
        r = new A64Runner(mem);
        mem.st64le(DATA, 0x8877_6655_4433_2211L);
        mem.st64le(DATA + 8, 0x1000_0000_0000_0001L);
    }

    @Test
    void LDXR_STXR() {
        r.x(1, DATA).x(3, 42).code(0xc85f_7c20, 0xc802_7c23).run(); // ldxr x0, [x1]; stxr w2, x3, [x1]
        assertThat(r.x(0)).isEqualTo(0x8877_6655_4433_2211L);
        assertThat(r.x(2)).isZero();
        assertThat(mem.ld64le(DATA)).isEqualTo(42);
        assertThat(r.cpu.get("excl_addr")).isEqualTo(-1);
    }

    @Test
    void STXR_without_monitor_fails_and_stores_nothing() {
        r.x(1, DATA).x(3, 42).code(0xc802_7c23).run(); // stxr w2, x3, [x1]
        assertThat(r.x(2)).isEqualTo(1);
        assertThat(mem.ld64le(DATA)).isEqualTo(0x8877_6655_4433_2211L);
    }

    @Test
    void STXR_fails_when_memory_changed_after_LDXR() {
        r.x(1, DATA).code(0xc85f_7c20).run(); // ldxr x0, [x1]
        mem.st64le(DATA, 5); // another thread
        r.x(3, 42).code(0xc802_7c23).run(); // stxr w2, x3, [x1]
        assertThat(r.x(2)).isEqualTo(1);
        assertThat(mem.ld64le(DATA)).isEqualTo(5);
    }

    @Test
    void STXR_after_CLREX_fails() {
        r.x(1, DATA).x(3, 42).code(0xc85f_7c20, 0xd503_3f5f, 0xc802_7c23).run(); // ldxr; clrex; stxr
        assertThat(r.x(2)).isEqualTo(1);
    }

    @Test
    void LDAXR_STLXR_word() {
        r.x(1, DATA).x(6, 0xFFFF_FFFF_0000_0007L).code(0x885f_fc24, 0x8805_fc26).run(); // ldaxr w4; stlxr w5, w6
        assertThat(r.x(4)).isEqualTo(0x4433_2211L);
        assertThat(r.x(5)).isZero();
        assertThat(mem.ld64le(DATA)).isEqualTo(0x8877_6655_0000_0007L);
    }

    @Test
    void LDXRB_STXRB_swap_only_their_byte() {
        r.x(1, DATA + 1).x(9, 0x1AB).code(0x085f_7c27, 0x0808_7c29).run(); // ldxrb w7, [x1]; stxrb w8, w9, [x1]
        assertThat(r.x(7)).isEqualTo(0x22);
        assertThat(r.x(8)).isZero();
        assertThat(mem.ld64le(DATA)).isEqualTo(0x8877_6655_4433_AB11L);
    }

    @Test
    void LDXRH_STLXRH() {
        r.x(1, DATA + 6).x(12, 0xBEEF).code(0x485f_7c2a, 0x480b_fc2c).run(); // ldxrh w10, [x1]; stlxrh w11, w12, [x1]
        assertThat(r.x(10)).isEqualTo(0x8877);
        assertThat(r.x(11)).isZero();
        assertThat(mem.ld64le(DATA)).isEqualTo(0xBEEF_6655_4433_2211L);
    }

    @Test
    void LDXP_STXP_doublewords() {
        r.x(2, DATA).x(4, 4).x(5, 5).code(0xc87f_0440, 0xc823_1444).run(); // ldxp x0, x1, [x2]; stxp w3, x4, x5, [x2]
        assertThat(r.x(0)).isEqualTo(0x8877_6655_4433_2211L);
        assertThat(r.x(1)).isEqualTo(0x1000_0000_0000_0001L);
        assertThat(r.x(3)).isZero();
        assertThat(mem.ld64le(DATA)).isEqualTo(4);
        assertThat(mem.ld64le(DATA + 8)).isEqualTo(5);
    }

    @Test
    void LDAXP_STLXP_words() {
        // ldaxp w6, w7, [x2]; stlxp w8, w9, w10, [x2]
        r.x(2, DATA).x(9, 9).x(10, 10).code(0x887f_9c46, 0x8828_a849).run();
        assertThat(r.x(6)).isEqualTo(0x4433_2211L);
        assertThat(r.x(7)).isEqualTo(0x8877_6655L);
        assertThat(r.x(8)).isZero();
        assertThat(mem.ld64le(DATA)).isEqualTo(0x0000_000A_0000_0009L);
    }

    @Test
    void LDAR_STLR() {
        // ldar x0, [x1]; stlr w2, [x1]; ldarb w3, [x1]; stlrh w4, [x1]
        r.x(1, DATA).x(2, 0xAABB_CCDDL).x(4, 0x1234).code(0xc8df_fc20, 0x889f_fc22, 0x08df_fc23, 0x489f_fc24).run();
        assertThat(r.x(0)).isEqualTo(0x8877_6655_4433_2211L);
        assertThat(r.x(3)).isEqualTo(0xDD);
        assertThat(mem.ld64le(DATA)).isEqualTo(0x8877_6655_AABB_1234L);
    }

    @Test
    void DC_ZVA_zeroes_the_aligned_64_byte_block() {
        for (int i = 0; i < 32; i++) {
            mem.st64le(DATA + 0x40 + 8L * i, -1);
        }
        r.x(1, DATA + 0x85).code(0xd50b_7421).run(); // dc zva, x1
        assertThat(mem.ld64le(DATA + 0x78)).isEqualTo(-1);
        for (int i = 0; i < 8; i++) {
            assertThat(mem.ld64le(DATA + 0x80 + 8L * i)).isZero();
        }
        assertThat(mem.ld64le(DATA + 0xC0)).isEqualTo(-1);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "compiled={0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void exclusiveIncrementLoopFromTwoThreadsLosesNoUpdate(boolean compiled) throws Exception {
        // loop: ldaxr x0, [x1]; add x0, x0, #1; stlxr w2, x0, [x1]; cbnz w2, loop; sub x3, x3, #1; cbnz x3, loop
        int[] code = {0xc85f_fc20, 0x9100_0400, 0xc802_fc20, 0x35ff_ffa2, 0xd100_0463, 0xb5ff_ff63};
        mem.st64le(DATA + 0x100, 0);
        Thread[] threads = new Thread[2];
        for (int k = 0; k < threads.length; k++) {
            threads[k] = new Thread(() -> new A64Runner(mem).compiled(compiled).code(code).x(1, DATA + 0x100).x(3, 2000).run());
            threads[k].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(mem.ld64le(DATA + 0x100)).isEqualTo(4000);
    }

    @Test
    void misalignedExclusivesAndAcquiresFault() {
        for (int word : new int[] {0xc85f_7c20, 0x485f_7c2a, 0xc8df_fc20, 0xc87f_0440}) { // ldxr x0; ldxrh w10; ldar x0; ldxp
            A64Runner m = new A64Runner(mem).x(1, DATA + 4).x(2, DATA + 8).x(0, 77).code(0x9100_0400, word);
            if (word == 0x485f_7c2a) {
                m.x(1, DATA + 3);
            }
            assertThatThrownBy(m::run).isInstanceOfSatisfying(GuestFault.class,
                    f -> assertThat(f.reason()).isEqualTo(GuestFault.Reason.ALIGNMENT));
            assertThat(m.pc()).isEqualTo(A64Runner.BASE + 4);
            assertThat(m.x(0)).isEqualTo(78); // the add before it completed, nothing after
        }
        // a byte is always aligned
        new A64Runner(mem).x(1, DATA + 3).code(0x085f_7c27).run(); // ldxrb w7, [x1]
    }
}
