package dev.emu.x86.lift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.x86.X86Runner;

import org.junit.jupiter.api.Test;

class StringOpsTest {
    static final long D = X86Runner.DATA;

    @Test
    void MOVS() {
        // a4    movsb
        X86Runner r = X86Runner.code("a4").set("rsi", D).set("rdi", D + 8).mem(D, new byte[] {42}).run();
        assertThat(r.mem64(D + 8)).isEqualTo(42);
        assertThat(r.reg("rsi")).isEqualTo(D + 1);
        assertThat(r.reg("rdi")).isEqualTo(D + 9);
        // f3 48 a5    rep movsq
        r = X86Runner.code("f3 48 a5").set("rsi", D).set("rdi", D + 0x100).set("rcx", 3)
                .mem64(D, 1).mem64(D + 8, 2).mem64(D + 16, 3).run();
        assertThat(r.mem64(D + 0x110)).isEqualTo(3);
        assertThat(r.reg("rcx")).isZero();
        assertThat(r.reg("rsi")).isEqualTo(D + 24);
        // rep with rcx = 0 does nothing
        r = X86Runner.code("f3 48 a5").set("rsi", D).set("rdi", D + 0x100).set("rcx", 0).run();
        assertThat(r.reg("rsi")).isEqualTo(D);
    }

    @Test
    void STOS_backwards() {
        // fd    std ; f3 aa    rep stosb ; fc    cld
        X86Runner r = X86Runner.code("fd f3 aa fc").set("rax", 0x77).set("rdi", D + 3).set("rcx", 4).run();
        assertThat(r.mem64(D)).isEqualTo(0x77777777L);
        assertThat(r.reg("rdi")).isEqualTo(D - 1);
        assertThat(r.rflags() & 0x400).isZero();
    }

    @Test
    void SCAS_CMPS_LODS() {
        // f2 ae    repne scasb: finds the zero byte
        X86Runner r = X86Runner.code("f2 ae").set("rax", 0).set("rdi", D).set("rcx", -1)
                .mem(D, new byte[] {1, 2, 3, 0}).run();
        assertThat(r.reg("rdi")).isEqualTo(D + 4);
        assertThat(r.reg("rcx")).isEqualTo(-5);
        assertThat(r.rflags() & 0x40).isEqualTo(0x40);
        // f3 a6    repe cmpsb: stops at the first difference
        r = X86Runner.code("f3 a6").set("rsi", D).set("rdi", D + 8).set("rcx", 8)
                .mem(D, new byte[] {1, 2, 3}).mem(D + 8, new byte[] {1, 2, 4}).run();
        assertThat(r.reg("rsi")).isEqualTo(D + 3);
        assertThat(r.reg("rcx")).isEqualTo(5);
        assertThat(r.flagNames()).contains("CF").contains("SF");
        // ad    lodsd
        r = X86Runner.code("ad").set("rsi", D).set("rax", -1).mem64(D, 0x1_2345_6789L).run();
        assertThat(r.reg("rax")).isEqualTo(0x2345_6789L);
    }

    @Test
    void aFaultInsideARepLeavesTheProgressSoFar() {
        // f3 aa    rep stosb, running off the end of the data window after 4 bytes
        long end = D + X86Runner.DATA_SIZE;
        X86Runner r = X86Runner.code("f3 aa").set("rdi", end - 4).set("rcx", 20).set("rax", 0x5A).run();
        assertThat(r.result.reason()).isEqualTo(dev.emu.core.engine.StopReason.FAULT);
        assertThat(r.pc()).isEqualTo(X86Runner.BASE);
        assertThat(r.reg("rdi")).isEqualTo(end);
        assertThat(r.reg("rcx")).isEqualTo(16);
        assertThat(r.m.read(end - 4, 4)).containsOnly(0x5A);
    }

    @Test
    void longRepsRunAcrossManyBlockExits() {
        // f3 48 ab    rep stosq, 1000 times
        X86Runner r = X86Runner.code("f3 48 ab").set("rdi", D).set("rcx", 1000).set("rax", -1).run();
        assertThat(r.reg("rcx")).isZero();
        assertThat(r.reg("rdi")).isEqualTo(D + 8000);
        assertThat(r.mem64(D + 7992)).isEqualTo(-1);
    }
}
