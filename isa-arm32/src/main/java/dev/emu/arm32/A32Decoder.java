package dev.emu.arm32;

import static dev.emu.arm32.Arm32Handlers.of;

import dev.emu.arm32.lift.DataProcessing;
import dev.emu.arm32.lift.DataProcessing.Alu;
import dev.emu.arm32.lift.Handler;
import dev.emu.arm32.lift.Media;
import dev.emu.arm32.lift.Multiply;
import dev.emu.arm32.lift.Parallel;
import dev.emu.core.decode.DecodeTable;

/**
 * The A32 decode tables (ARM ARM DDI 0406C, chapter A5 "ARM Instruction Set Encoding"): one
 * row per encoding under the chapter's headings, each with its instruction's title in the
 * alphabetical list of A8.8. {@link #CONDITIONAL} holds the instructions with a cond field
 * (cond != 1111; the lifter tests the condition), {@link #UNCONDITIONAL} those of the
 * cond = 1111 space (A5.7). Letters: c cond, S setflags, n Rn, d Rd, m Rm, t Rt (or the
 * shift type in data processing), r Rs / rotation / register list, a imm5 (or Ra), i
 * immediate, p/u/w the P, U, W bits of loads and stores, y shift type of a load offset.
 *
 * <p>Order matters only where rows overlap on purpose (SXTB before SXTAB, the hints before
 * MSR (immediate)); {@code A32DecoderTest} pins the overlaps.
 *
 * <p>Here and in the Thumb and VFP rows a row names its handler as text, {@code Class::method}
 * of the {@code lift} package; the generated {@link Arm32Handlers} binds the names without
 * spinning a lambda class per row at start-up ({@code Arm32HandlersTest} checks it is current).
 */
public final class A32Decoder {
    private A32Decoder() {}

    public static final DecodeTable<Handler> CONDITIONAL;
    public static final DecodeTable<Handler> UNCONDITIONAL;

    private static DecodeTable.Builder<Handler> t;

    private static void insn(String name, String pattern, Handler h) {
        t.add(name, pattern, h);
    }

    /** The three data-processing forms of one opcode (A5.2.1, A5.2.2, A5.2.3). */
    private static void dp(Alu op, String opcodeBits) {
        String s = op.compare() ? "1" : "S";
        // the should-be-zero Rn of MOV/MVN and Rd of the compares must be zero (as qemu decodes them)
        String n = op.usesRn() ? "nnnn" : "0000";
        String d = op.compare() ? "0000" : "dddd";
        String head = "cccc_000" + opcodeBits.charAt(0) + "_" + opcodeBits.substring(1) + s + "_" + n + "_" + d;
        String headImm = "cccc_001" + opcodeBits.charAt(0) + "_" + opcodeBits.substring(1) + s + "_" + n + "_" + d;
        insn(op + "_imm", headImm + "_iiii_iiii_iiii", (c, f) -> DataProcessing.imm(c, f, op));
        insn(op + "_reg", head + "_aaaa_att0_mmmm", (c, f) -> DataProcessing.reg(c, f, op));
        insn(op + "_rsr", head + "_rrrr_0tt1_mmmm", (c, f) -> DataProcessing.rsr(c, f, op));
    }

    static {
        t = DecodeTable.<Handler>builder().bucketBits(8);
        // ================= A5.2 Data-processing and miscellaneous instructions
        // A8.8 <op> (immediate), (register), (register-shifted register), encoding A1 each
        dp(Alu.AND, "0000");
        dp(Alu.EOR, "0001");
        dp(Alu.SUB, "0010");
        dp(Alu.RSB, "0011");
        dp(Alu.ADD, "0100");
        dp(Alu.ADC, "0101");
        dp(Alu.SBC, "0110");
        dp(Alu.RSC, "0111");
        dp(Alu.TST, "1000");
        dp(Alu.TEQ, "1001");
        dp(Alu.CMP, "1010");
        dp(Alu.CMN, "1011");
        dp(Alu.ORR, "1100");
        dp(Alu.MOV, "1101");
        dp(Alu.BIC, "1110");
        dp(Alu.MVN, "1111");
        insn("MOVW",      "cccc_0011_0000_iiii_dddd_iiii_iiii_iiii", of("DataProcessing::MOVW"));   // A8.8 MOV (immediate) A2
        insn("MOVT",      "cccc_0011_0100_iiii_dddd_iiii_iiii_iiii", of("DataProcessing::MOVT"));   // A8.8 MOVT A1
        // A5.2.11 MSR (immediate), and hints
        insn("HINT",      "cccc_0011_0010_0000_----_----_hhhh_hhhh", of("SystemInsns::HINT"));     // A8.8 NOP, YIELD, WFE, WFI, SEV, DBG
        insn("MSR_imm",   "cccc_0011_0010_mm00_1111_iiii_iiii_iiii", of("SystemInsns::MSR_imm"));  // A8.8 MSR (immediate) A1
        // A5.2.12 Miscellaneous instructions
        insn("MRS",       "cccc_0001_0000_1111_dddd_0000_0000_0000", of("SystemInsns::MRS"));      // A8.8 MRS A1
        insn("MSR_reg",   "cccc_0001_0010_mm00_1111_0000_0000_nnnn", of("SystemInsns::MSR_reg"));  // A8.8 MSR (register) A1
        insn("BX",        "cccc_0001_0010_1111_1111_1111_0001_mmmm", of("Branches::BX"));          // A8.8 BX A1
        insn("BXJ",       "cccc_0001_0010_1111_1111_1111_0010_mmmm", of("Branches::BX"));          // A8.8 BXJ A1 (no Jazelle: BX)
        insn("BLX_reg",   "cccc_0001_0010_1111_1111_1111_0011_mmmm", of("Branches::BLX_reg"));     // A8.8 BLX (register) A1
        insn("CLZ",       "cccc_0001_0110_1111_dddd_1111_0001_mmmm", of("Media::CLZ"));            // A8.8 CLZ A1
        insn("BKPT",      "cccc_0001_0010_iiii_iiii_iiii_0111_iiii", of("SystemInsns::BKPT"));     // A8.8 BKPT A1
        // A5.2.6 Saturating addition and subtraction
        insn("QADD",      "cccc_0001_0000_nnnn_dddd_0000_0101_mmmm", of("Saturate::QADD"));       // A8.8 QADD A1
        insn("QSUB",      "cccc_0001_0010_nnnn_dddd_0000_0101_mmmm", of("Saturate::QSUB"));       // A8.8 QSUB A1
        insn("QDADD",     "cccc_0001_0100_nnnn_dddd_0000_0101_mmmm", of("Saturate::QDADD"));      // A8.8 QDADD A1
        insn("QDSUB",     "cccc_0001_0110_nnnn_dddd_0000_0101_mmmm", of("Saturate::QDSUB"));      // A8.8 QDSUB A1
        // A5.2.7 Halfword multiply and multiply accumulate
        insn("SMLAxy",    "cccc_0001_0000_dddd_aaaa_mmmm_1yx0_nnnn", of("Multiply::SMLAxy"));      // A8.8 SMLABB, SMLABT, SMLATB, SMLATT
        insn("SMLAWy",    "cccc_0001_0010_dddd_aaaa_mmmm_1y00_nnnn", of("Multiply::SMLAWy"));      // A8.8 SMLAWB, SMLAWT
        insn("SMULWy",    "cccc_0001_0010_dddd_0000_mmmm_1y10_nnnn", of("Multiply::SMULWy"));      // A8.8 SMULWB, SMULWT
        insn("SMLALxy",   "cccc_0001_0100_hhhh_llll_mmmm_1yx0_nnnn", of("Multiply::SMLALxy"));     // A8.8 SMLALBB, ...
        insn("SMULxy",    "cccc_0001_0110_dddd_0000_mmmm_1yx0_nnnn", of("Multiply::SMULxy"));      // A8.8 SMULBB, ...
        // A5.2.5 Multiply and multiply accumulate
        insn("MUL",       "cccc_0000_000S_dddd_0000_mmmm_1001_nnnn", of("Multiply::MUL"));         // A8.8 MUL A1
        insn("MLA",       "cccc_0000_001S_dddd_aaaa_mmmm_1001_nnnn", of("Multiply::MLA"));         // A8.8 MLA A1
        insn("UMAAL",     "cccc_0000_0100_hhhh_llll_mmmm_1001_nnnn", of("Multiply::UMAAL"));       // A8.8 UMAAL A1
        insn("MLS",       "cccc_0000_0110_dddd_aaaa_mmmm_1001_nnnn", of("Multiply::MLS"));         // A8.8 MLS A1
        insn("UMULL",     "cccc_0000_100S_hhhh_llll_mmmm_1001_nnnn", of("Multiply::UMULL"));       // A8.8 UMULL A1
        insn("UMLAL",     "cccc_0000_101S_hhhh_llll_mmmm_1001_nnnn", of("Multiply::UMLAL"));       // A8.8 UMLAL A1
        insn("SMULL",     "cccc_0000_110S_hhhh_llll_mmmm_1001_nnnn", of("Multiply::SMULL"));       // A8.8 SMULL A1
        insn("SMLAL",     "cccc_0000_111S_hhhh_llll_mmmm_1001_nnnn", of("Multiply::SMLAL"));       // A8.8 SMLAL A1
        // A5.2.10 Synchronization primitives
        insn("STREX",     "cccc_0001_1000_nnnn_dddd_1111_1001_tttt", of("Exclusive::STREX"));      // A8.8 STREX A1
        insn("LDREX",     "cccc_0001_1001_nnnn_tttt_1111_1001_1111", of("Exclusive::LDREX"));      // A8.8 LDREX A1
        insn("STREXD",    "cccc_0001_1010_nnnn_dddd_1111_1001_tttt", of("Exclusive::STREXD"));     // A8.8 STREXD A1
        insn("LDREXD",    "cccc_0001_1011_nnnn_tttt_1111_1001_1111", of("Exclusive::LDREXD"));     // A8.8 LDREXD A1
        insn("STREXB",    "cccc_0001_1100_nnnn_dddd_1111_1001_tttt", of("Exclusive::STREXB"));     // A8.8 STREXB A1
        insn("LDREXB",    "cccc_0001_1101_nnnn_tttt_1111_1001_1111", of("Exclusive::LDREXB"));     // A8.8 LDREXB A1
        insn("STREXH",    "cccc_0001_1110_nnnn_dddd_1111_1001_tttt", of("Exclusive::STREXH"));     // A8.8 STREXH A1
        insn("LDREXH",    "cccc_0001_1111_nnnn_tttt_1111_1001_1111", of("Exclusive::LDREXH"));     // A8.8 LDREXH A1
        // A5.2.8 Extra load/store instructions (and A5.2.9, unprivileged, as the same in user mode)
        insn("STRH_reg",  "cccc_000p_u0w0_nnnn_tttt_0000_1011_mmmm", of("LoadStore::STRH_reg"));   // A8.8 STRH (register) A1
        insn("LDRH_reg",  "cccc_000p_u0w1_nnnn_tttt_0000_1011_mmmm", of("LoadStore::LDRH_reg"));   // A8.8 LDRH (register) A1
        insn("LDRD_reg",  "cccc_000p_u0w0_nnnn_tttt_0000_1101_mmmm", of("LoadStore::LDRD_reg"));   // A8.8 LDRD (register) A1
        insn("LDRSB_reg", "cccc_000p_u0w1_nnnn_tttt_0000_1101_mmmm", of("LoadStore::LDRSB_reg"));  // A8.8 LDRSB (register) A1
        insn("STRD_reg",  "cccc_000p_u0w0_nnnn_tttt_0000_1111_mmmm", of("LoadStore::STRD_reg"));   // A8.8 STRD (register) A1
        insn("LDRSH_reg", "cccc_000p_u0w1_nnnn_tttt_0000_1111_mmmm", of("LoadStore::LDRSH_reg"));  // A8.8 LDRSH (register) A1
        insn("STRH_imm",  "cccc_000p_u1w0_nnnn_tttt_iiii_1011_iiii", of("LoadStore::STRH_imm"));   // A8.8 STRH (immediate, ARM) A1
        insn("LDRH_imm",  "cccc_000p_u1w1_nnnn_tttt_iiii_1011_iiii", of("LoadStore::LDRH_imm"));   // A8.8 LDRH (immediate, ARM), (literal) A1
        insn("LDRD_imm",  "cccc_000p_u1w0_nnnn_tttt_iiii_1101_iiii", of("LoadStore::LDRD_imm"));   // A8.8 LDRD (immediate), (literal) A1
        insn("LDRSB_imm", "cccc_000p_u1w1_nnnn_tttt_iiii_1101_iiii", of("LoadStore::LDRSB_imm"));  // A8.8 LDRSB (immediate), (literal) A1
        insn("STRD_imm",  "cccc_000p_u1w0_nnnn_tttt_iiii_1111_iiii", of("LoadStore::STRD_imm"));   // A8.8 STRD (immediate) A1
        insn("LDRSH_imm", "cccc_000p_u1w1_nnnn_tttt_iiii_1111_iiii", of("LoadStore::LDRSH_imm"));  // A8.8 LDRSH (immediate), (literal) A1

        // ================= A5.3 Load/store word and unsigned byte
        insn("STR_imm",   "cccc_010p_u0w0_nnnn_tttt_iiii_iiii_iiii", of("LoadStore::STR_imm"));    // A8.8 STR (immediate, ARM) A1
        insn("LDR_imm",   "cccc_010p_u0w1_nnnn_tttt_iiii_iiii_iiii", of("LoadStore::LDR_imm"));    // A8.8 LDR (immediate, ARM), (literal) A1
        insn("STRB_imm",  "cccc_010p_u1w0_nnnn_tttt_iiii_iiii_iiii", of("LoadStore::STRB_imm"));   // A8.8 STRB (immediate, ARM) A1
        insn("LDRB_imm",  "cccc_010p_u1w1_nnnn_tttt_iiii_iiii_iiii", of("LoadStore::LDRB_imm"));   // A8.8 LDRB (immediate, ARM), (literal) A1
        insn("STR_reg",   "cccc_011p_u0w0_nnnn_tttt_aaaa_ayy0_mmmm", of("LoadStore::STR_reg"));    // A8.8 STR (register) A1
        insn("LDR_reg",   "cccc_011p_u0w1_nnnn_tttt_aaaa_ayy0_mmmm", of("LoadStore::LDR_reg"));    // A8.8 LDR (register, ARM) A1
        insn("STRB_reg",  "cccc_011p_u1w0_nnnn_tttt_aaaa_ayy0_mmmm", of("LoadStore::STRB_reg"));   // A8.8 STRB (register) A1
        insn("LDRB_reg",  "cccc_011p_u1w1_nnnn_tttt_aaaa_ayy0_mmmm", of("LoadStore::LDRB_reg"));   // A8.8 LDRB (register) A1

        // ================= A5.4 Media instructions
        // A5.4.1 Parallel addition and subtraction, signed; A5.4.2 unsigned ('o' = op2)
        insn("SADD_SSUB",   "cccc_0110_0001_nnnn_dddd_1111_ooo1_mmmm", of("Parallel::SADD_SSUB"));    // A8.8 SADD16, SASX, SSAX, SSUB16, SADD8, SSUB8
        insn("QADD_QSUB",   "cccc_0110_0010_nnnn_dddd_1111_ooo1_mmmm", of("Parallel::QADD_QSUB"));    // A8.8 QADD16, QASX, QSAX, QSUB16, QADD8, QSUB8
        insn("SHADD_SHSUB", "cccc_0110_0011_nnnn_dddd_1111_ooo1_mmmm", of("Parallel::SHADD_SHSUB"));  // A8.8 SHADD16 ... SHSUB8
        insn("UADD_USUB",   "cccc_0110_0101_nnnn_dddd_1111_ooo1_mmmm", of("Parallel::UADD_USUB"));    // A8.8 UADD16, UASX, USAX, USUB16, UADD8, USUB8
        insn("UQADD_UQSUB", "cccc_0110_0110_nnnn_dddd_1111_ooo1_mmmm", of("Parallel::UQADD_UQSUB"));  // A8.8 UQADD16 ... UQSUB8
        insn("UHADD_UHSUB", "cccc_0110_0111_nnnn_dddd_1111_ooo1_mmmm", of("Parallel::UHADD_UHSUB"));  // A8.8 UHADD16 ... UHSUB8
        insn("SEL",         "cccc_0110_1000_nnnn_dddd_1111_1011_mmmm", of("Parallel::SEL"));          // A8.8 SEL A1
        // A5.4.3 saturation: 's' saturate_to field, 'a' imm5, 't' sh
        insn("PKH",       "cccc_0110_1000_nnnn_dddd_aaaa_at01_mmmm", of("Saturate::PKH"));        // A8.8 PKHBT, PKHTB A1
        insn("SSAT",      "cccc_0110_101s_ssss_dddd_aaaa_at01_nnnn", of("Saturate::SSAT"));       // A8.8 SSAT A1
        insn("USAT",      "cccc_0110_111s_ssss_dddd_aaaa_at01_nnnn", of("Saturate::USAT"));       // A8.8 USAT A1
        insn("SSAT16",    "cccc_0110_1010_ssss_dddd_1111_0011_nnnn", of("Saturate::SSAT16"));     // A8.8 SSAT16 A1
        insn("USAT16",    "cccc_0110_1110_ssss_dddd_1111_0011_nnnn", of("Saturate::USAT16"));     // A8.8 USAT16 A1
        // A5.4.3 Packing, unpacking, saturation, and reversal (the extends with Rn = 1111 first)
        insn("SXTB16",    "cccc_0110_1000_1111_dddd_rr00_0111_mmmm", of("Media::SXTB16"));         // A8.8 SXTB16 A1
        insn("SXTAB16",   "cccc_0110_1000_nnnn_dddd_rr00_0111_mmmm", of("Media::SXTAB16"));        // A8.8 SXTAB16 A1
        insn("SXTB",      "cccc_0110_1010_1111_dddd_rr00_0111_mmmm", of("Media::SXTB"));           // A8.8 SXTB A1
        insn("SXTAB",     "cccc_0110_1010_nnnn_dddd_rr00_0111_mmmm", of("Media::SXTAB"));          // A8.8 SXTAB A1
        insn("SXTH",      "cccc_0110_1011_1111_dddd_rr00_0111_mmmm", of("Media::SXTH"));           // A8.8 SXTH A1
        insn("SXTAH",     "cccc_0110_1011_nnnn_dddd_rr00_0111_mmmm", of("Media::SXTAH"));          // A8.8 SXTAH A1
        insn("UXTB16",    "cccc_0110_1100_1111_dddd_rr00_0111_mmmm", of("Media::UXTB16"));         // A8.8 UXTB16 A1
        insn("UXTAB16",   "cccc_0110_1100_nnnn_dddd_rr00_0111_mmmm", of("Media::UXTAB16"));        // A8.8 UXTAB16 A1
        insn("UXTB",      "cccc_0110_1110_1111_dddd_rr00_0111_mmmm", of("Media::UXTB"));           // A8.8 UXTB A1
        insn("UXTAB",     "cccc_0110_1110_nnnn_dddd_rr00_0111_mmmm", of("Media::UXTAB"));          // A8.8 UXTAB A1
        insn("UXTH",      "cccc_0110_1111_1111_dddd_rr00_0111_mmmm", of("Media::UXTH"));           // A8.8 UXTH A1
        insn("UXTAH",     "cccc_0110_1111_nnnn_dddd_rr00_0111_mmmm", of("Media::UXTAH"));          // A8.8 UXTAH A1
        insn("REV",       "cccc_0110_1011_1111_dddd_1111_0011_mmmm", of("Media::REV"));            // A8.8 REV A1
        insn("REV16",     "cccc_0110_1011_1111_dddd_1111_1011_mmmm", of("Media::REV16"));          // A8.8 REV16 A1
        insn("RBIT",      "cccc_0110_1111_1111_dddd_1111_0011_mmmm", of("Media::RBIT"));           // A8.8 RBIT A1
        insn("REVSH",     "cccc_0110_1111_1111_dddd_1111_1011_mmmm", of("Media::REVSH"));          // A8.8 REVSH A1
        // A5.4.4 Signed multiply, signed and unsigned divide
        insn("SDIV",      "cccc_0111_0001_dddd_1111_mmmm_0001_nnnn", of("Multiply::SDIV"));        // A8.8 SDIV A1
        insn("UDIV",      "cccc_0111_0011_dddd_1111_mmmm_0001_nnnn", of("Multiply::UDIV"));        // A8.8 UDIV A1
        insn("SMLAD",     "cccc_0111_0000_dddd_aaaa_mmmm_00M1_nnnn", of("DualMultiply::SMLAD"));   // A8.8 SMLAD, SMUAD A1
        insn("SMLSD",     "cccc_0111_0000_dddd_aaaa_mmmm_01M1_nnnn", of("DualMultiply::SMLSD"));   // A8.8 SMLSD, SMUSD A1
        insn("SMLALD",    "cccc_0111_0100_hhhh_llll_mmmm_00M1_nnnn", of("DualMultiply::SMLALD"));  // A8.8 SMLALD A1
        insn("SMLSLD",    "cccc_0111_0100_hhhh_llll_mmmm_01M1_nnnn", of("DualMultiply::SMLSLD"));  // A8.8 SMLSLD A1
        insn("SMMLA",     "cccc_0111_0101_dddd_aaaa_mmmm_00M1_nnnn", of("DualMultiply::SMMLA"));   // A8.8 SMMLA, SMMUL A1
        insn("SMMLS",     "cccc_0111_0101_dddd_aaaa_mmmm_11M1_nnnn", of("DualMultiply::SMMLS"));   // A8.8 SMMLS A1
        insn("USADA8",    "cccc_0111_1000_dddd_aaaa_mmmm_0001_nnnn", of("DualMultiply::USADA8"));  // A8.8 USAD8, USADA8 A1
        // A5.4 bitfield instructions
        insn("SBFX",      "cccc_0111_101w_wwww_dddd_llll_l101_nnnn", of("Media::SBFX"));           // A8.8 SBFX A1
        insn("BFI",       "cccc_0111_110k_kkkk_dddd_llll_l001_nnnn", of("Media::BFI"));            // A8.8 BFI, BFC A1
        insn("UBFX",      "cccc_0111_111w_wwww_dddd_llll_l101_nnnn", of("Media::UBFX"));           // A8.8 UBFX A1
        insn("UDF",       "cccc_0111_1111_iiii_iiii_iiii_1111_iiii", of("SystemInsns::UDF"));      // A8.8 UDF A1

        // ================= A5.5 Branch, branch with link, and block data transfer
        insn("STMDA",     "cccc_1000_00w0_nnnn_rrrr_rrrr_rrrr_rrrr", of("LoadStoreMultiple::STMDA")); // A8.8 STMDA A1
        insn("LDMDA",     "cccc_1000_00w1_nnnn_rrrr_rrrr_rrrr_rrrr", of("LoadStoreMultiple::LDMDA")); // A8.8 LDMDA A1
        insn("STM",       "cccc_1000_10w0_nnnn_rrrr_rrrr_rrrr_rrrr", of("LoadStoreMultiple::STM"));   // A8.8 STM (STMIA) A1
        insn("LDM",       "cccc_1000_10w1_nnnn_rrrr_rrrr_rrrr_rrrr", of("LoadStoreMultiple::LDM"));   // A8.8 LDM (LDMIA), POP A1
        insn("STMDB",     "cccc_1001_00w0_nnnn_rrrr_rrrr_rrrr_rrrr", of("LoadStoreMultiple::STMDB")); // A8.8 STMDB, PUSH A1
        insn("LDMDB",     "cccc_1001_00w1_nnnn_rrrr_rrrr_rrrr_rrrr", of("LoadStoreMultiple::LDMDB")); // A8.8 LDMDB A1
        insn("STMIB",     "cccc_1001_10w0_nnnn_rrrr_rrrr_rrrr_rrrr", of("LoadStoreMultiple::STMIB")); // A8.8 STMIB A1
        insn("LDMIB",     "cccc_1001_10w1_nnnn_rrrr_rrrr_rrrr_rrrr", of("LoadStoreMultiple::LDMIB")); // A8.8 LDMIB A1
        insn("B",         "cccc_1010_iiii_iiii_iiii_iiii_iiii_iiii", of("Branches::B"));             // A8.8 B A1
        insn("BL",        "cccc_1011_iiii_iiii_iiii_iiii_iiii_iiii", of("Branches::BL"));            // A8.8 BL, BLX (immediate) A1

        // ================= A5.6 Coprocessor instructions, and Supervisor Call
        VfpDecoder.rows("cccc", A32Decoder::insn);
        insn("MCR",       "cccc_1110_ooo0_NNNN_tttt_1111_ppp1_MMMM", of("SystemInsns::MCR"));       // A8.8 MCR A1 (p15 only)
        insn("MRC",       "cccc_1110_ooo1_NNNN_tttt_1111_ppp1_MMMM", of("SystemInsns::MRC"));       // A8.8 MRC A1 (p15 only)
        insn("SVC",       "cccc_1111_iiii_iiii_iiii_iiii_iiii_iiii", of("SystemInsns::SVC"));       // A8.8 SVC A1
        CONDITIONAL = t.build();

        // ================= A5.7 Unconditional instructions (cond = 1111)
        t = DecodeTable.<Handler>builder().bucketBits(8);
        insn("BLX_imm",   "1111_101h_iiii_iiii_iiii_iiii_iiii_iiii", of("Branches::BLX_imm"));       // A8.8 BL, BLX (immediate) A2
        // A5.2.12 / A5.7.1 Memory hints, Advanced SIMD instructions, and miscellaneous instructions
        insn("CLREX",     "1111_0101_0111_1111_1111_0000_0001_1111", of("Exclusive::CLREX"));         // A8.8 CLREX A1
        insn("DSB",       "1111_0101_0111_1111_1111_0000_0100_oooo", of("SystemInsns::BARRIER"));     // A8.8 DSB A1
        insn("DMB",       "1111_0101_0111_1111_1111_0000_0101_oooo", of("SystemInsns::BARRIER"));     // A8.8 DMB A1
        insn("ISB",       "1111_0101_0111_1111_1111_0000_0110_oooo", of("SystemInsns::ISB"));         // A8.8 ISB A1
        insn("PLI_imm",   "1111_0100_u101_nnnn_1111_iiii_iiii_iiii", of("SystemInsns::PRELOAD"));     // A8.8 PLI (immediate, literal) A1
        insn("PLDW_imm",  "1111_0101_u001_nnnn_1111_iiii_iiii_iiii", of("SystemInsns::PRELOAD"));     // A8.8 PLD, PLDW (immediate) A1
        insn("PLD_imm",   "1111_0101_u101_nnnn_1111_iiii_iiii_iiii", of("SystemInsns::PRELOAD"));     // A8.8 PLD (immediate), (literal) A1
        insn("PLI_reg",   "1111_0110_u101_nnnn_1111_aaaa_att0_mmmm", of("SystemInsns::PRELOAD"));     // A8.8 PLI (register) A1
        insn("PLDW_reg",  "1111_0111_u001_nnnn_1111_aaaa_att0_mmmm", of("SystemInsns::PRELOAD"));     // A8.8 PLD, PLDW (register) A1
        insn("PLD_reg",   "1111_0111_u101_nnnn_1111_aaaa_att0_mmmm", of("SystemInsns::PRELOAD"));     // A8.8 PLD, PLDW (register) A1
        // A5.7.1 / A7.4 Advanced SIMD data-processing instructions, A7.7 element or structure load/store
        insn("ADVSIMD_DATA", "1111_001-_----_----_----_----_----_----", of("Neon::DATA"));             // A7.4 (one helper decodes the groups)
        insn("ADVSIMD_LDST", "1111_0100_---0_----_----_----_----_----", of("NeonLoadStore::LDST"));    // A7.7 VLD1-4, VST1-4
        UNCONDITIONAL = t.build();
        t = null;
    }
}
