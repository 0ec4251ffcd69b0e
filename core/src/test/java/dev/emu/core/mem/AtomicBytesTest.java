package dev.emu.core.mem;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The locked CAS that JDKs without atomic byte-array views use (JDK 17 runs the VarHandle one). */
class AtomicBytesTest {
    @Test
    void lockedCasComparesSwapsAndReturnsTheOldValueInBothByteOrders() {
        byte[] d = new byte[16];
        assertThat(AtomicBytes.lockedCas64(d, 8, 0L, 0x0102030405060708L, false)).isZero();
        assertThat(d[8]).isEqualTo((byte) 0x08);
        assertThat(AtomicBytes.lockedCas64(d, 8, 5L, 9L, false)).isEqualTo(0x0102030405060708L);
        assertThat(AtomicBytes.lockedCas64(d, 8, 0L, 9L, false)).isEqualTo(0x0102030405060708L); // no swap
        assertThat(AtomicBytes.lockedCas32(d, 4, 0, 0x11223344, true)).isZero();
        assertThat(d[4]).isEqualTo((byte) 0x11);
        assertThat(AtomicBytes.lockedCas32(d, 4, 0x11223344, 7, true)).isEqualTo(0x11223344);
        assertThat(AtomicBytes.lockedCas32(d, 4, 7, 8, true)).isEqualTo(7);
    }

    @Test
    void lockedCasLosesNoIncrementUnderContention() throws InterruptedException {
        byte[] d = new byte[64];
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(new Thread(() -> {
                for (int i = 0; i < 50_000; i++) {
                    long old;
                    do {
                        old = AtomicBytes.lockedCas64(d, 16, 0, 0, false); // a read through the lock
                    } while (AtomicBytes.lockedCas64(d, 16, old, old + 1, false) != old);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread th : threads) {
            th.join();
        }
        assertThat(AtomicBytes.lockedCas64(d, 16, -1, -1, false)).isEqualTo(200_000L);
    }
}
