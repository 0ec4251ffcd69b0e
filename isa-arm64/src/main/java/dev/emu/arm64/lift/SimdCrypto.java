package dev.emu.arm64.lift;

import static dev.emu.arm64.lift.SimdLift.callOrIllegal;

import dev.emu.arm64.simd.CryptoHelpers;
import dev.emu.core.ir.Helper;

/** C4.1 Cryptographic AES, three-register SHA and two-register SHA. */
public final class SimdCrypto {
    private SimdCrypto() {}

    private static final Helper AES = SimdLift.helper(CryptoHelpers.class, "aes");
    private static final Helper SHA3 = SimdLift.helper(CryptoHelpers.class, "sha3");
    private static final Helper SHA2 = SimdLift.helper(CryptoHelpers.class, "sha2");

    /** 0100_1110 size 10100 opcode 10 Rn Rd: AESE, AESD, AESMC, AESIMC. */
    public static void aes(LiftContext c, Fields f) {
        callOrIllegal(c, CryptoHelpers.validAes(f.word()), AES);
    }

    /** 0101_1110 size 0 Rm 0 opcode 00 Rn Rd: SHA1C/P/M, SHA1SU0, SHA256H/H2, SHA256SU1. */
    public static void sha3(LiftContext c, Fields f) {
        callOrIllegal(c, CryptoHelpers.validSha3(f.word()), SHA3);
    }

    /** 0101_1110 size 10100 opcode 10 Rn Rd: SHA1H, SHA1SU1, SHA256SU0. */
    public static void sha2(LiftContext c, Fields f) {
        callOrIllegal(c, CryptoHelpers.validSha2(f.word()), SHA2);
    }
}
