package dev.emu.core.mem;

import static dev.emu.core.mem.AddressSpaceTest.assertFault;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.core.mem.GuestFault.Access;
import dev.emu.core.mem.GuestFault.Reason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HooksTest {
    static final long AT = 0x40_0000;

    @Test
    void aStoreToTranslatedCodeInvalidatesItsPageOnceBeforeLanding() {
        AddressSpace m = new AddressSpace(64);
        m.map(AT, 0x3000, Prot.RWX);
        m.st32le(AT + 0x1000, 0x11);     // the write TLB now holds the page
        List<long[]> calls = new ArrayList<>();
        List<Integer> valueAtInvalidation = new ArrayList<>();
        m.setCodeInvalidator((s, e) -> {
            calls.add(new long[] {s, e});
            valueAtInvalidation.add(m.ld32le(AT + 0x1000));
        });
        m.markCode(AT + 0x1000, AT + 0x1004);
        assertThat(m.isCode(AT + 0x1000)).isTrue();
        assertThat(m.isCode(AT)).isFalse();
        m.st32le(AT, 1);
        assertThat(calls).isEmpty();
        m.st32le(AT + 0x1000, 0x22);
        assertThat(calls).containsExactly(new long[] {AT + 0x1000, AT + 0x2000});
        assertThat(valueAtInvalidation).as("called before the store lands").containsExactly(0x11);
        assertThat(m.ld32le(AT + 0x1000)).isEqualTo(0x22);
        assertThat(m.isCode(AT + 0x1000)).isFalse();
        m.st32le(AT + 0x1004, 0x33);
        assertThat(calls).as("the mark is cleared after the first store").hasSize(1);

        // Crossing, CAS, bulk and privileged writes count too.
        m.fetch8(AT + 0x2000);  // only pages code was fetched from can be marked
        m.markCode(AT, AT + 0x3000);
        m.st16le(AT + 0xfff, 0xFFFF);
        assertThat(calls).hasSize(3);
        m.cas32le(AT + 0x2000, 0, 1);
        m.markCode(AT, AT + 0x1000);
        m.poke(AT, new byte[] {1}, 0, 1);
        assertThat(calls).extracting(c -> c[0]).containsExactly(AT + 0x1000, AT, AT + 0x1000, AT + 0x2000, AT);
    }

    @Test
    void unmapProtectAndMremapOfCodePagesInvalidateThem() {
        AddressSpace m = new AddressSpace(32);
        List<long[]> calls = new ArrayList<>();
        m.setCodeInvalidator((s, e) -> calls.add(new long[] {s, e}));
        m.map(AT, 0x4000, Prot.RX);
        m.fetch32le(AT);
        m.fetch32le(AT + 0x1000);
        m.fetch32le(AT + 0x3000);
        m.markCode(AT, AT + 0x4000);
        m.protect(AT, 0x4000, Prot.RX);
        assertThat(calls).as("no change, no invalidation").isEmpty();
        m.protect(AT, 0x1000, Prot.READ);
        assertThat(calls).containsExactly(new long[] {AT, AT + 0x1000});
        m.unmap(AT, 0x4000);
        assertThat(calls).containsExactly(new long[] {AT, AT + 0x1000}, new long[] {AT + 0x1000, AT + 0x2000},
                new long[] {AT + 0x3000, AT + 0x4000});

        calls.clear();
        m.map(AT, 0x2000, Prot.RX);
        m.fetch8(AT);
        m.fetch8(AT + 0x1000);
        m.markCode(AT, AT + 0x2000);
        long to = m.mremap(AT, 0x2000, 0x3000, MapFlags.MREMAP_MAYMOVE | MapFlags.MREMAP_FIXED, 0x80_0000);
        assertThat(to).isEqualTo(0x80_0000);
        assertThat(calls).containsExactly(new long[] {AT, AT + 0x2000});
        assertThat(m.isCode(to)).as("moved pages are not marked").isFalse();
    }

    @Test
    void anObserverSeesEveryTypedAccessIncludingOnesTheTlbWouldServe() {
        AddressSpace m = new AddressSpace(64);
        m.map(AT, 0x2000, Prot.RW);
        m.st32le(AT, 5);
        m.ld32le(AT);  // both TLBs warm
        List<String> seen = new ArrayList<>();
        m.setAccessObserver((k, a, size, v) -> seen.add(k + " " + Long.toHexString(a) + " " + size + " " + v));
        m.ld32le(AT);
        m.st16be(AT + 4, 7);
        m.ld64le(AT + 0xffc);
        m.cas32le(AT, 5, 6);
        m.cas32le(AT, 5, 6);
        assertThat(seen).containsExactly("READ 400000 4 5", "WRITE 400004 2 7", "READ 400ffc 8 0",
                "READ 400000 4 5", "WRITE 400000 4 6", "READ 400000 4 6");
        m.setAccessObserver(null);
        m.ld32le(AT);
        assertThat(seen).hasSize(6);
    }

    @Test
    void theFaultHandlerMayMapThePageAndTheAccessIsRetriedOnce() {
        AddressSpace m = new AddressSpace(64);
        List<GuestFault> faults = new ArrayList<>();
        m.setFaultHandler(f -> {
            faults.add(f);
            if (f.address() < AT + 0x1000) {
                m.map(f.address() & ~AddressSpace.PAGE_MASK, 0x1000, Prot.RW);
                return true;
            }
            return f.address() < AT + 0x2000; // claims to fix but does not: retried once only
        });
        m.st32le(AT + 8, 42);
        assertThat(m.ld32le(AT + 8)).isEqualTo(42);
        assertThat(faults).singleElement().satisfies(f -> {
            assertThat(f.access()).isEqualTo(Access.WRITE);
            assertThat(f.reason()).isEqualTo(Reason.UNMAPPED);
        });
        assertFault(() -> m.ld8(AT + 0x1000), AT + 0x1000, Access.READ, Reason.UNMAPPED);
        assertThat(faults).as("the retry's fault goes to the guest").hasSize(2);
        assertFault(() -> m.ld8(AT + 0x2000), AT + 0x2000, Access.READ, Reason.UNMAPPED);
        assertThat(faults).hasSize(3);
        assertFault(() -> m.cas32le(AT + 2, 0, 0), AT + 2, Access.WRITE, Reason.ALIGNMENT);
        assertThat(faults).as("alignment faults are not offered").hasSize(3);

        m.protect(AT, 0x1000, Prot.READ);
        m.setFaultHandler(f -> {
            m.protect(AT, 0x1000, Prot.RW);
            return true;
        });
        m.st8(AT, 1);
        assertThat(m.ld8(AT)).isEqualTo(1);
    }

    /** Stands for the engine's interrupt poll, a volatile read on every guest loop back edge. */
    static volatile boolean poll;

    @Test
    void threadsStoringWhileAnotherRemapsNeverSeeAStaleWritablePage() throws Exception {
        AddressSpace m = new AddressSpace(64);
        m.map(AT, 0x1000, Prot.RW);
        m.setFaultHandler(f -> true);
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 200_000 && !poll; i++) {
                try {
                    m.st32le(AT, i);
                } catch (GuestFault expected) {
                    // The page is read-only for a moment.
                }
            }
        });
        writer.start();
        for (int i = 0; i < 2_000; i++) {
            m.protect(AT, 0x1000, Prot.READ);
            // A store already past its permission check may still land once; a stale write
            // slot would keep changing the value while the page is read-only.
            int changes = 0;
            int last = m.ld32le(AT);
            for (int sample = 0; sample < 4; sample++) {
                for (int spin = 0; spin < 50; spin++) {
                    Thread.onSpinWait();
                }
                int now = m.ld32le(AT);
                if (now != last) {
                    changes++;
                }
                last = now;
            }
            assertThat(changes).isLessThanOrEqualTo(1);
            m.protect(AT, 0x1000, Prot.RW);
        }
        writer.join();
    }
}
