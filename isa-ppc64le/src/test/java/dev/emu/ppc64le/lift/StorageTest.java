package dev.emu.ppc64le.lift;

import static dev.emu.testkit.asm.P64Asm.d;
import static dev.emu.testkit.asm.P64Asm.ds;
import static dev.emu.testkit.asm.P64Asm.x31;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emu.core.mem.GuestFault;
import dev.emu.ppc64le.PpcRunner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Loads and stores (Book I 3.3.2-3.3.8) and Book II reservations, dcbz; both tiers. */
class StorageTest {
    static final long D = PpcRunner.DATA;

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {false, true})
    void updateFormsWriteTheEffectiveAddressBack(boolean compiled) {
        PpcRunner r = new PpcRunner().compiled(compiled).code(
                ds(62, 4, 3, 16, 1),   // stdu r4,16(r3)
                ds(58, 5, 3, 0, 0),    // ld r5,0(r3)
                d(42, 6, 3, 6));       // lha r6,6(r3)
        r.r(3, D).r(4, 0x8001_0000_0000_0000L).run();
        assertThat(r.r(3)).isEqualTo(D + 16);
        assertThat(r.r(5)).isEqualTo(0x8001_0000_0000_0000L);
        assertThat(r.r(6)).isEqualTo(-32767);
    }

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {false, true})
    void byteReversedAndAlgebraic(boolean compiled) {
        PpcRunner r = new PpcRunner().compiled(compiled).code(
                x31(5, 0, 3, 534, false),  // lwbrx r5,0,r3
                x31(6, 0, 3, 341, false),  // lwax r6,0,r3
                x31(6, 0, 4, 660, false)); // stdbrx r6,0,r4
        r.write64(D, 0x8000_0001L).r(3, D).r(4, D + 8).run();
        assertThat(r.r(5)).isEqualTo(0x0100_0080L);
        assertThat(r.r(6)).isEqualTo(0xffff_ffff_8000_0001L);
        assertThat(r.read64(D + 8)).isEqualTo(0x0100_0080_ffff_ffffL);
    }

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {false, true})
    void quadwordPairInLittleEndianOrder(boolean compiled) {
        PpcRunner r = new PpcRunner().compiled(compiled).code(
                ds(62, 6, 3, 0, 2),                  // stq r6,0(r3)
                56 << 26 | 8 << 21 | 3 << 16);       // lq r8,0(r3)
        r.r(3, D).r(6, 0x1111).r(7, 0x2222).run();
        assertThat(r.read64(D)).isEqualTo(0x2222);  // the odd register at the lower address
        assertThat(r.read64(D + 8)).isEqualTo(0x1111);
        assertThat(r.r(8)).isEqualTo(0x1111);
        assertThat(r.r(9)).isEqualTo(0x2222);
    }

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {false, true})
    void invalidUpdateFormIsSigill(boolean compiled) {
        PpcRunner r = new PpcRunner().compiled(compiled).code(d(35, 3, 3, 0)); // lbzu r3,0(r3)
        r.r(3, D).run();
        assertThat(r.trap()).isEqualTo(dev.emu.core.ir.TrapKind.ILLEGAL_INSTRUCTION);
    }

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {false, true})
    void loadMultipleIsAnAlignmentInterruptInLittleEndian(boolean compiled) {
        PpcRunner r = new PpcRunner().compiled(compiled).code(d(46, 28, 3, 0)); // lmw r28,0(r3)
        r.r(3, D);
        assertThatThrownBy(r::run).isInstanceOfSatisfying(GuestFault.class,
                f -> assertThat(f.reason()).isEqualTo(GuestFault.Reason.ALIGNMENT));
    }

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {false, true})
    void reservationPairSucceedsOnceAndFailsWithoutReservation(boolean compiled) {
        PpcRunner r = new PpcRunner().compiled(compiled).code(
                x31(5, 0, 3, 20, false),   // lwarx r5,0,r3
                0x38a50001,                // addi r5,r5,1
                x31(5, 0, 3, 150, true),   // stwcx. r5,0,r3
                31 << 26 | 6 << 21 | 19 << 1, // mfcr r6
                x31(5, 0, 3, 150, true));  // stwcx. r5,0,r3 again: no reservation
        r.write64(D, 41).r(3, D).run();
        assertThat(r.read64(D)).isEqualTo(42);
        assertThat(r.r(6) >>> 28).isEqualTo(0b0010); // CR0.EQ: stored
        assertThat(r.cr(0)).isZero();                // the second one failed
    }

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {false, true})
    void misalignedReservationIsSigbus(boolean compiled) {
        PpcRunner r = new PpcRunner().compiled(compiled).code(x31(5, 0, 3, 84, false)); // ldarx r5,0,r3
        r.r(3, D + 4);
        assertThatThrownBy(r::run).isInstanceOf(GuestFault.class);
    }

    @ParameterizedTest(name = "compiled={0}")
    @ValueSource(booleans = {false, true})
    void dcbzClearsTheWhole128ByteBlock(boolean compiled) {
        PpcRunner r = new PpcRunner().compiled(compiled).code(x31(0, 3, 4, 1014, false)); // dcbz r3,r4
        for (int i = 0; i < 256; i += 8) {
            r.write64(D + i, -1L);
        }
        r.r(3, D + 128).r(4, 77).run();
        assertThat(r.read64(D + 120)).isEqualTo(-1L);
        assertThat(r.read64(D + 128)).isZero();
        assertThat(r.read64(D + 248)).isZero();
    }
}
