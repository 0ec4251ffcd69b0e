package dev.emu.arm64;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.core.api.Machine;
import dev.emu.core.api.RunResult;
import dev.emu.core.ir.TrapKind;
import dev.emu.core.mem.Prot;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** A small program through the engine, interpreted and compiled: both must end the same. */
class MachineProgramTest {
    private static final long CODE = 0x10000;
    private static final long DATA = 0x20000;
    private static final long STACK = 0x30000;

    private static final int[] PROGRAM = {
        0xd2a0_0040, // movz x0, #2, lsl #16
        0xd280_0001, // mov x1, #0
        0xd280_0102, // mov x2, #8
        0xf840_8403, // loop: ldr x3, [x0], #8
        0x8b03_0021, // add x1, x1, x3
        0xf100_0442, // subs x2, x2, #1
        0x54ff_ffa1, // b.ne loop
        0xa9bf_7bfd, // stp x29, x30, [sp, #-16]!
        0x9400_0003, // bl double
        0xa8c1_7bfd, // ldp x29, x30, [sp], #16
        0x1400_0004, // b tail
        0xd37f_f824, // double: lsl x4, x1, #1
        0xf900_0004, // str x4, [x0]
        0xd65f_03c0, // ret
        0xc85f_7c05, // tail: ldxr x5, [x0]
        0x9100_04a5, // add x5, x5, #1
        0xc806_7c05, // stxr w6, x5, [x0]
        0x35ff_ffa6, // cbnz w6, tail
        0xf8e1_0007, // ldaddal x1, x7, [x0]
        0xd400_0001, // svc #0
    };

    private static Machine machine(boolean compiled) {
        Machine m;
        try {
            m = compiled ? Machine.create(new Arm64Isa()) : Machine.createInterpreted(new Arm64Isa());
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("AddressSpace is not implemented on this branch yet");
            throw e;
        }
        ByteBuffer code = ByteBuffer.allocate(PROGRAM.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int w : PROGRAM) {
            code.putInt(w);
        }
        m.map(CODE, 0x1000, Prot.RX);
        m.write(CODE, code.array());
        m.map(DATA, 0x1000, Prot.RW);
        ByteBuffer data = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 1; i <= 8; i++) {
            data.putLong(i * 100L);
        }
        m.write(DATA, data.array());
        m.map(STACK - 0x1000, 0x1000, Prot.RW);
        m.setReg("sp", STACK);
        return m;
    }

    private static long ld64(Machine m, long addr) {
        return ByteBuffer.wrap(m.read(addr, 8)).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    @Test
    void interpretedAndCompiledRunsAgree() {
        for (boolean compiled : new boolean[] {false, true}) {
            Machine m = machine(compiled);
            RunResult r = m.start(CODE, -1, Duration.ofSeconds(10), 0);
            assertThat(r.trap()).as("compiled=%s: %s", compiled, r).isEqualTo(TrapKind.SYSCALL);
            assertThat(r.pc()).isEqualTo(CODE + 4L * PROGRAM.length);
            assertThat(m.reg("x1")).isEqualTo(3600);
            assertThat(m.reg("x4")).isEqualTo(7200);
            assertThat(m.reg("x7")).isEqualTo(7201);
            assertThat(ld64(m, DATA + 64)).isEqualTo(7201 + 3600);
            assertThat(m.reg("sp")).isEqualTo(STACK);
            assertThat(ld64(m, STACK - 8)).isZero(); // x30 as saved before the BL
            assertThat(m.reg("x30")).isZero(); // and restored after it
        }
    }
}
