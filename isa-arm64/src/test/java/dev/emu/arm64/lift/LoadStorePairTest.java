package dev.emu.arm64.lift;

import static dev.emu.arm64.TestMemory.DATA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emu.arm64.A64Runner;
import dev.emu.arm64.Arm64Registers;
import dev.emu.arm64.TestMemory;
import dev.emu.core.mem.AddressSpace;
import dev.emu.core.mem.GuestFault;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoadStorePairTest {
    private AddressSpace mem;
    private A64Runner r;

    @BeforeEach
    void setUp() {
        mem = TestMemory.create();
        r = new A64Runner(mem);
        for (int i = 0; i < 8; i++) {
            mem.st64le(DATA + 8L * i, 0x1111_1111_1111_1111L * (i + 1));
        }
    }

    @Test
    void LDP_off() {
        r.x(2, DATA).code(0xa940_0440).run(); // ldp x0, x1, [x2]
        assertThat(r.x(0)).isEqualTo(0x1111_1111_1111_1111L);
        assertThat(r.x(1)).isEqualTo(0x2222_2222_2222_2222L);
    }

    @Test
    void STP_off() {
        r.x(2, DATA).x(3, 0xA).x(4, 0xB).code(0x2901_1043).run(); // stp w3, w4, [x2, #8]
        assertThat(mem.ld64le(DATA + 8)).isEqualTo(0x0000_000B_0000_000AL);
    }

    @Test
    void LDP_post() {
        r.x(2, DATA).code(0xa8c1_1845).run(); // ldp x5, x6, [x2], #16
        assertThat(r.x(5)).isEqualTo(0x1111_1111_1111_1111L);
        assertThat(r.x(6)).isEqualTo(0x2222_2222_2222_2222L);
        assertThat(r.x(2)).isEqualTo(DATA + 16);
    }

    @Test
    void STP_pre() {
        r.set("sp", DATA + 0x100).x(7, 7).x(8, 8).code(0xa9bf_23e7).run(); // stp x7, x8, [sp, #-16]!
        assertThat(r.sp()).isEqualTo(DATA + 0xF0);
        assertThat(mem.ld64le(DATA + 0xF0)).isEqualTo(7);
        assertThat(mem.ld64le(DATA + 0xF8)).isEqualTo(8);
    }

    @Test
    void LDPSW_off() {
        mem.st64le(DATA, 0xFFFF_FFFE_8000_0000L);
        r.x(2, DATA).code(0x6940_2849).run(); // ldpsw x9, x10, [x2]
        assertThat(r.x(9)).isEqualTo(0xFFFF_FFFF_8000_0000L);
        assertThat(r.x(10)).isEqualTo(-2);
    }

    @Test
    void LDNP_STNP() {
        r.x(2, DATA).x(13, 0x13).x(14, 0x14).code(0xa841_304b, 0x2800_384d).run(); // ldnp x11, x12, [x2, #16]; stnp w13, w14, [x2]
        assertThat(r.x(11)).isEqualTo(0x3333_3333_3333_3333L);
        assertThat(r.x(12)).isEqualTo(0x4444_4444_4444_4444L);
        assertThat(mem.ld64le(DATA)).isEqualTo(0x14_0000_0013L);
    }

    @Test
    void LDP_STP_fpsimd() {
        r.x(1, DATA).code(0xad40_0420).run(); // ldp q0, q1, [x1]
        long[] regs = r.cpu.regs;
        assertThat(regs[Arm64Registers.vlo(0)]).isEqualTo(0x1111_1111_1111_1111L);
        assertThat(regs[Arm64Registers.vhi(0)]).isEqualTo(0x2222_2222_2222_2222L);
        assertThat(regs[Arm64Registers.vlo(1)]).isEqualTo(0x3333_3333_3333_3333L);
        assertThat(regs[Arm64Registers.vhi(1)]).isEqualTo(0x4444_4444_4444_4444L);
        regs[Arm64Registers.vlo(2)] = 2;
        regs[Arm64Registers.vlo(3)] = 3;
        r.x(1, DATA).code(0x6d01_0c22).run(); // stp d2, d3, [x1, #16]
        assertThat(mem.ld64le(DATA + 16)).isEqualTo(2);
        assertThat(mem.ld64le(DATA + 24)).isEqualTo(3);
        r.x(1, DATA).code(0x2cc1_1424).run(); // ldp s4, s5, [x1], #8
        assertThat(regs[Arm64Registers.vlo(4)]).isEqualTo(0x1111_1111L);
        assertThat(regs[Arm64Registers.vlo(5)]).isEqualTo(0x1111_1111L);
        assertThat(r.x(1)).isEqualTo(DATA + 8);
        regs[Arm64Registers.vlo(6)] = 6;
        regs[Arm64Registers.vhi(7)] = 77;
        r.set("sp", DATA + 0x200).code(0xadbf_1fe6).run(); // stp q6, q7, [sp, #-32]!
        assertThat(r.sp()).isEqualTo(DATA + 0x1E0);
        assertThat(mem.ld64le(DATA + 0x1E0)).isEqualTo(6);
        assertThat(mem.ld64le(DATA + 0x1F8)).isEqualTo(77);
        r.x(1, DATA).code(0x6c40_2428).run(); // ldnp d8, d9, [x1]
        assertThat(regs[Arm64Registers.vlo(9)]).isEqualTo(0x2222_2222_2222_2222L);
    }

    @Test
    void LDP_whose_second_load_faults_writes_no_register() {
        // ldp x5, x6, [x2], #16 with the second doubleword past the mapping
        r.x(2, DATA + TestMemory.SIZE - 8).x(5, 55).code(0xa8c1_1845);
        assertThatThrownBy(() -> r.run()).isInstanceOf(GuestFault.class);
        assertThat(r.x(5)).isEqualTo(55);
        assertThat(r.x(2)).isEqualTo(DATA + TestMemory.SIZE - 8);
        assertThat(r.pc()).isEqualTo(A64Runner.BASE);
    }
}
