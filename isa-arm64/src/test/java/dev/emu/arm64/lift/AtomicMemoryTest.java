package dev.emu.arm64.lift;

import static dev.emu.arm64.TestMemory.DATA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emu.arm64.A64Runner;
import dev.emu.arm64.TestMemory;
import dev.emu.core.ir.TrapKind;
import dev.emu.core.mem.AddressSpace;
import dev.emu.core.mem.GuestFault;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AtomicMemoryTest {
    private AddressSpace mem;
    private A64Runner r;

    @BeforeEach
    void setUp() {
        mem = TestMemory.create();
        r = new A64Runner(mem);
        mem.st64le(DATA, 0x8877_6655_4433_2211L);
        mem.st64le(DATA + 8, 0x0000_0000_0000_0010L);
    }

    @Test
    void LDADD() {
        r.x(2, DATA).x(0, 0x100).code(0xf820_0041).run(); // ldadd x0, x1, [x2]
        assertThat(r.x(1)).isEqualTo(0x8877_6655_4433_2211L);
        assertThat(mem.ld64le(DATA)).isEqualTo(0x8877_6655_4433_2311L);
        r.set("sp", DATA + 8).x(6, 5).code(0xf8e6_03e7).run(); // ldaddal x6, x7, [sp]
        assertThat(r.x(7)).isEqualTo(0x10);
        assertThat(mem.ld64le(DATA + 8)).isEqualTo(0x15);
    }

    @Test
    void LDADD_byte_wraps_inside_its_lane() {
        r.x(2, DATA + 1).x(0, 0xF0).code(0x3820_005f).run(); // staddb w0, [x2]
        assertThat(mem.ld64le(DATA)).isEqualTo(0x8877_6655_4433_1211L);
    }

    @Test
    void LDCLR_LDEOR_LDSET() {
        // ldclr x0, x1, [x2]; ldeor x0, x1, [x2]; ldset x0, x1, [x2] with x0 = 0xFF
        r.x(2, DATA).x(0, 0xFF).code(0xf820_1041).run();
        assertThat(mem.ld64le(DATA)).isEqualTo(0x8877_6655_4433_2200L);
        r.code(0xf820_2041).run();
        assertThat(mem.ld64le(DATA)).isEqualTo(0x8877_6655_4433_22FFL);
        assertThat(r.x(1)).isEqualTo(0x8877_6655_4433_2200L);
        mem.st64le(DATA, 0x100);
        r.code(0xf820_3041).run();
        assertThat(mem.ld64le(DATA)).isEqualTo(0x1FF);
    }

    @Test
    void LDSMAX_LDSMIN() {
        // ldsmax w3, w4, [x5]: memory 0x44332211 vs -1 -> stays
        r.x(5, DATA).x(3, 0xFFFF_FFFFL).code(0xb823_40a4).run();
        assertThat(r.x(4)).isEqualTo(0x4433_2211L);
        assertThat(mem.ld32le(DATA)).isEqualTo(0x4433_2211);
        // ldsminh w0, w1, [x2] at DATA + 6 (0x8877, negative) vs 0x7000 -> stays
        r.x(2, DATA + 6).x(0, 0x7000).code(0x7820_5041).run();
        assertThat(r.x(1)).isEqualTo(0x8877);
        assertThat(mem.ld16le(DATA + 6)).isEqualTo(0x8877);
        r.x(0, 0x8000).code(0x7820_5041).run();
        assertThat(mem.ld16le(DATA + 6)).isEqualTo(0x8000);
    }

    @Test
    void LDUMAX_LDUMIN() {
        r.x(2, DATA + 2).x(0, 0x80).code(0x3820_6041).run(); // ldumaxb w0, w1, [x2]
        assertThat(r.x(1)).isEqualTo(0x33);
        assertThat(mem.ld8(DATA + 2)).isEqualTo(0x80);
        r.x(5, DATA + 8).x(3, 3).code(0xf823_70a4).run(); // ldumin x3, x4, [x5]
        assertThat(mem.ld64le(DATA + 8)).isEqualTo(3);
        assertThat(r.x(4)).isEqualTo(0x10);
    }

    @Test
    void SWP() {
        r.x(2, DATA + 2).x(0, 0xABCD).code(0x7820_8041).run(); // swph w0, w1, [x2]
        assertThat(r.x(1)).isEqualTo(0x4433);
        assertThat(mem.ld64le(DATA)).isEqualTo(0x8877_6655_ABCD_2211L);
    }

    @Test
    void CAS() {
        // cas x0, x1, [x2]: fails (x0 differs), x0 gets the memory value; then succeeds
        r.x(2, DATA).x(0, 1).x(1, 99).code(0xc8a0_7c41).run();
        assertThat(r.x(0)).isEqualTo(0x8877_6655_4433_2211L);
        assertThat(mem.ld64le(DATA)).isEqualTo(0x8877_6655_4433_2211L);
        r.code(0xc8a0_7c41).run();
        assertThat(mem.ld64le(DATA)).isEqualTo(99);
        assertThat(r.x(0)).isEqualTo(0x8877_6655_4433_2211L);
    }

    @Test
    void CAS_halfword() {
        r.x(2, DATA + 2).x(0, 0x4433).x(1, 0x1234).code(0x48e0_7c41).run(); // casah w0, w1, [x2]
        assertThat(mem.ld64le(DATA)).isEqualTo(0x8877_6655_1234_2211L);
        assertThat(r.x(0)).isEqualTo(0x4433);
        r.code(0x48e0_7c41).run(); // now it fails: memory holds 0x1234
        assertThat(mem.ld64le(DATA)).isEqualTo(0x8877_6655_1234_2211L);
        assertThat(r.x(0)).isEqualTo(0x1234);
    }

    @Test
    void CASP_words() {
        // caspal w0, w1, w2, w3, [x4]
        r.x(4, DATA).x(0, 0x4433_2211L).x(1, 0x8877_6655L).x(2, 7).x(3, 8).code(0x0860_fc82).run();
        assertThat(mem.ld64le(DATA)).isEqualTo(0x0000_0008_0000_0007L);
        assertThat(r.x(0)).isEqualTo(0x4433_2211L);
        assertThat(r.x(1)).isEqualTo(0x8877_6655L);
    }

    @Test
    void CASP_doublewords() {
        // caspl x0, x1, x2, x3, [x4]
        r.x(4, DATA).x(0, 0x8877_6655_4433_2211L).x(1, 0x10).x(2, 20).x(3, 30).code(0x4820_fc82).run();
        assertThat(mem.ld64le(DATA)).isEqualTo(20);
        assertThat(mem.ld64le(DATA + 8)).isEqualTo(30);
        r.x(0, 1).x(1, 2).code(0x4820_fc82).run(); // fails, loads the current pair
        assertThat(r.x(0)).isEqualTo(20);
        assertThat(r.x(1)).isEqualTo(30);
    }

    @Test
    void CASP_with_odd_registers_is_illegal() {
        assertThat(r.x(6, DATA).code(0x4821_fcc4).run().trap()).isEqualTo(TrapKind.ILLEGAL_INSTRUCTION); // casp x1, x2, x4, x5
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "compiled={0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void LDADD_from_two_threads_loses_no_update(boolean compiled) throws Exception {
        // loop: ldaddl x0, x1, [x2]; sub x3, x3, #1; cbnz x3, loop
        int[] code = {0xf860_0041, 0xd100_0463, 0xb5ff_ffc3};
        mem.st64le(DATA + 0x100, 0);
        mem.st8(DATA + 0x200, 0);
        Thread[] threads = new Thread[3];
        for (int k = 0; k < threads.length; k++) {
            threads[k] = new Thread(() -> new A64Runner(mem).compiled(compiled).code(code).x(0, 1).x(2, DATA + 0x100).x(3, 3000).run());
            threads[k].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(mem.ld64le(DATA + 0x100)).isEqualTo(9000);
    }

    @Test
    void misalignedAtomicsFault() {
        A64Runner m = new A64Runner(mem).x(2, DATA + 3).x(0, 1).code(0x7820_8041); // swph w0, w1, [x2]
        assertThatThrownBy(m::run).isInstanceOfSatisfying(GuestFault.class,
                f -> assertThat(f.reason()).isEqualTo(GuestFault.Reason.ALIGNMENT));
        assertThat(mem.ld64le(DATA)).isEqualTo(0x8877_6655_4433_2211L);
    }
}
