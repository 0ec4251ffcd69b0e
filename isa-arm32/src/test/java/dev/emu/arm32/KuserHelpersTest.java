package dev.emu.arm32;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.core.api.Machine;
import dev.emu.core.mem.Prot;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class KuserHelpersTest {
    static final long DATA = 0x20000;
    static final long RETURN = 0x8000;

    static Machine machine() {
        Machine m = Machine.create(new Arm32Isa(), Machine.Tiers.INTERPRETER);
        m.map(KuserHelpers.PAGE, 4096, Prot.READ | Prot.EXEC);
        m.write(KuserHelpers.PAGE, KuserHelpers.page());
        m.map(DATA, 4096, Prot.RW);
        m.setReg("sp", DATA + 4096);
        m.setReg("lr", RETURN);
        return m;
    }

    static void call(Machine m, long helper) {
        m.start(helper, RETURN, Duration.ofSeconds(5), 0);
        assertThat(m.cpu().pc()).isEqualTo(RETURN);
    }

    @Test
    void version_and_get_tls() {
        Machine m = machine();
        assertThat(m.read(KuserHelpers.HELPER_VERSION, 1)[0]).isEqualTo((byte) 5);
        m.setReg("tpidruro", 0xb6ff_0000L);
        call(m, KuserHelpers.GET_TLS);
        assertThat(m.reg("r0")).isEqualTo(0xb6ff_0000L);
    }

    @Test
    void cmpxchg_succeeds_and_fails() {
        Machine m = machine();
        m.write(DATA, new byte[] {41, 0, 0, 0});
        m.setReg("r0", 41);
        m.setReg("r1", 42);
        m.setReg("r2", DATA);
        call(m, KuserHelpers.CMPXCHG);
        assertThat(m.reg("r0")).isZero();
        assertThat(m.reg("c")).isEqualTo(1);
        assertThat(m.read(DATA, 1)[0]).isEqualTo((byte) 42);

        m.setReg("r0", 41);
        m.setReg("r1", 43);
        m.setReg("lr", RETURN);
        call(m, KuserHelpers.CMPXCHG);
        assertThat(m.reg("r0")).isNotZero();
        assertThat(m.reg("c")).isZero();
        assertThat(m.read(DATA, 1)[0]).isEqualTo((byte) 42);
    }

    @Test
    void cmpxchg64_and_barrier() {
        Machine m = machine();
        m.write(DATA + 0x100, new byte[] {1, 0, 0, 0, 2, 0, 0, 0}); // *ptr
        m.write(DATA + 0x10, new byte[] {1, 0, 0, 0, 2, 0, 0, 0});  // oldval
        m.write(DATA + 0x18, new byte[] {7, 0, 0, 0, 8, 0, 0, 0});  // newval
        m.setReg("r0", DATA + 0x10);
        m.setReg("r1", DATA + 0x18);
        m.setReg("r2", DATA + 0x100);
        m.setReg("r4", 44);
        call(m, KuserHelpers.CMPXCHG64);
        assertThat(m.reg("r0")).isZero();
        assertThat(m.reg("r4")).isEqualTo(44);
        assertThat(m.read(DATA + 0x100, 8)).containsExactly(7, 0, 0, 0, 8, 0, 0, 0);
        m.setReg("lr", RETURN);
        call(m, KuserHelpers.MEMORY_BARRIER);
    }
}
