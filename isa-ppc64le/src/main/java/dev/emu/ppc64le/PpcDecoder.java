package dev.emu.ppc64le;

import static dev.emu.ppc64le.PpcHandlers.of;

import dev.emu.core.decode.DecodeTable;
import dev.emu.ppc64le.lift.Handler;

/**
 * The Power ISA (v3.0B numbering of sections; user-mode Book I and the user part of Book II)
 * decoder: one row per instruction, grouped under the manual's chapters, the form named by the
 * {@link Rows} method. Record (Rc) and overflow (OE) variants share their base row. An
 * encoding without a row raises SIGILL with its word in the message.
 *
 * <p>The FP, VMX and VSX rows come from {@link FpVectorRows}.
 *
 * <p>Rows name their handler as text, {@code Class::method} of the {@code lift} package; the
 * generated {@link PpcHandlers} binds the names without spinning a lambda class per row at
 * start-up ({@code PpcHandlersTest} checks it is current).
 */
public final class PpcDecoder {
    private PpcDecoder() {}

    public static final DecodeTable<Handler> TABLE = build();

    private static DecodeTable<Handler> build() {
        Rows r = new Rows();
        branchFacility(r);
        fixedPoint(r);
        storage(r);
        FpVectorRows.add(r);
        return r.build();
    }

    /** Book I chapter 2: branch facility. */
    private static void branchFacility(Rows r) {
        r.insn("b", "010010_iiiiiiiiiiiiiiiiiiiiiiii_ql", of("Branch::b"));             // 2.4 I-form
        r.insn("bc", "010000_ttttt_aaaaa_iiiiiiiiiiiiii_ql", of("Branch::bc"));        // 2.4 B-form
        r.XL("bclr", 16, "l", of("Branch::bclr"));                                     // 2.4 XL-form
        r.XL("bcctr", 528, "l", of("Branch::bcctr"));
        r.XL("bctar", 560, "l", of("Branch::bctar"));
        r.insn("sc", "010001_-----_-----_----_ttttttt_---_1_-", of("Branch::sc"));      // 3.3.1 SC-form
        r.XL("crand", 257, "0", of("Branch::crand"));                                  // 2.5.1
        r.XL("crnand", 225, "0", of("Branch::crnand"));
        r.XL("cror", 449, "0", of("Branch::cror"));
        r.XL("crxor", 193, "0", of("Branch::crxor"));
        r.XL("crnor", 33, "0", of("Branch::crnor"));
        r.XL("creqv", 289, "0", of("Branch::creqv"));
        r.XL("crandc", 129, "0", of("Branch::crandc"));
        r.XL("crorc", 417, "0", of("Branch::crorc"));
        r.insn("mcrf", "010011_ttt_00_aaa_00_00000_0000000000_0", of("Branch::mcrf"));  // 2.5.2
    }

    /** Book I chapter 3: fixed-point facility. */
    private static void fixedPoint(Rows r) {
        // 3.3.2-3.3.7 loads and stores
        r.D("lbz", 34, of("FixedLoadStore::lbz")).D("lbzu", 35, of("FixedLoadStore::lbzu"));
        r.X0("lbzx", 87, of("FixedLoadStore::lbzx")).X0("lbzux", 119, of("FixedLoadStore::lbzux"));
        r.D("lhz", 40, of("FixedLoadStore::lhz")).D("lhzu", 41, of("FixedLoadStore::lhzu"));
        r.X0("lhzx", 279, of("FixedLoadStore::lhzx")).X0("lhzux", 311, of("FixedLoadStore::lhzux"));
        r.D("lha", 42, of("FixedLoadStore::lha")).D("lhau", 43, of("FixedLoadStore::lhau"));
        r.X0("lhax", 343, of("FixedLoadStore::lhax")).X0("lhaux", 375, of("FixedLoadStore::lhaux"));
        r.D("lwz", 32, of("FixedLoadStore::lwz")).D("lwzu", 33, of("FixedLoadStore::lwzu"));
        r.X0("lwzx", 23, of("FixedLoadStore::lwzx")).X0("lwzux", 55, of("FixedLoadStore::lwzux"));
        r.DS("lwa", 58, 2, of("FixedLoadStore::lwa"));
        r.X0("lwax", 341, of("FixedLoadStore::lwax")).X0("lwaux", 373, of("FixedLoadStore::lwaux"));
        r.DS("ld", 58, 0, of("FixedLoadStore::ld")).DS("ldu", 58, 1, of("FixedLoadStore::ldu"));
        r.X0("ldx", 21, of("FixedLoadStore::ldx")).X0("ldux", 53, of("FixedLoadStore::ldux"));
        r.D("stb", 38, of("FixedLoadStore::stb")).D("stbu", 39, of("FixedLoadStore::stbu"));
        r.X0("stbx", 215, of("FixedLoadStore::stbx")).X0("stbux", 247, of("FixedLoadStore::stbux"));
        r.D("sth", 44, of("FixedLoadStore::sth")).D("sthu", 45, of("FixedLoadStore::sthu"));
        r.X0("sthx", 407, of("FixedLoadStore::sthx")).X0("sthux", 439, of("FixedLoadStore::sthux"));
        r.D("stw", 36, of("FixedLoadStore::stw")).D("stwu", 37, of("FixedLoadStore::stwu"));
        r.X0("stwx", 151, of("FixedLoadStore::stwx")).X0("stwux", 183, of("FixedLoadStore::stwux"));
        r.DS("std", 62, 0, of("FixedLoadStore::std")).DS("stdu", 62, 1, of("FixedLoadStore::stdu"));
        r.X0("stdx", 149, of("FixedLoadStore::stdx")).X0("stdux", 181, of("FixedLoadStore::stdux"));
        r.insn("lq", "111000_ttttt_aaaaa_iiiiiiiiiiii_0000", of("FixedLoadStore::lq")).DS("stq", 62, 2, of("FixedLoadStore::stq"));
        // 3.3.8 byte-reverse
        r.X0("lhbrx", 790, of("FixedLoadStore::lhbrx")).X0("lwbrx", 534, of("FixedLoadStore::lwbrx"));
        r.X0("ldbrx", 532, of("FixedLoadStore::ldbrx"));
        r.X0("sthbrx", 918, of("FixedLoadStore::sthbrx")).X0("stwbrx", 662, of("FixedLoadStore::stwbrx"));
        r.X0("stdbrx", 660, of("FixedLoadStore::stdbrx"));
        // 3.3.9 multiple, 3.3.10 string
        r.D("lmw", 46, of("FixedLoadStore::lmw")).D("stmw", 47, of("FixedLoadStore::stmw"));
        r.X0("lswi", 597, of("FixedLoadStore::lswi")).X0("lswx", 533, of("FixedLoadStore::lswx"));
        r.X0("stswi", 725, of("FixedLoadStore::stswi")).X0("stswx", 661, of("FixedLoadStore::stswx"));

        // 3.3.9 arithmetic
        r.D("addi", 14, of("FixedArith::addi")).D("addis", 15, of("FixedArith::addis"));
        r.D("addic", 12, of("FixedArith::addic")).D("addic.", 13, of("FixedArith::addic_rc"));
        r.D("subfic", 8, of("FixedArith::subfic")).D("mulli", 7, of("FixedArith::mulli"));
        r.XO("add", 266, of("FixedArith::add")).XO("subf", 40, of("FixedArith::subf"));
        r.XO("addc", 10, of("FixedArith::addc")).XO("subfc", 8, of("FixedArith::subfc"));
        r.XO("adde", 138, of("FixedArith::adde")).XO("subfe", 136, of("FixedArith::subfe"));
        r.insn("addme", "011111_ttttt_aaaaa_00000_o_011101010_r", of("FixedArith::addme"));
        r.insn("subfme", "011111_ttttt_aaaaa_00000_o_011101000_r", of("FixedArith::subfme"));
        r.insn("addze", "011111_ttttt_aaaaa_00000_o_011001010_r", of("FixedArith::addze"));
        r.insn("subfze", "011111_ttttt_aaaaa_00000_o_011001000_r", of("FixedArith::subfze"));
        r.insn("neg", "011111_ttttt_aaaaa_00000_o_001101000_r", of("FixedArith::neg"));
        // multiply, divide, modulo
        r.XO("mullw", 235, of("FixedArith::mullw")).XO("mulld", 233, of("FixedArith::mulld"));
        r.XOnoOE("mulhw", 75, of("FixedArith::mulhw")).XOnoOE("mulhwu", 11, of("FixedArith::mulhwu"));
        r.XOnoOE("mulhd", 73, of("FixedArith::mulhd")).XOnoOE("mulhdu", 9, of("FixedArith::mulhdu"));
        r.insn("maddhd", "000100_ttttt_aaaaa_bbbbb_ccccc_110000", of("FixedArith::maddhd"));
        r.insn("maddhdu", "000100_ttttt_aaaaa_bbbbb_ccccc_110001", of("FixedArith::maddhdu"));
        r.insn("maddld", "000100_ttttt_aaaaa_bbbbb_ccccc_110011", of("FixedArith::maddld"));
        r.XO("divw", 491, of("FixedArith::divw")).XO("divwu", 459, of("FixedArith::divwu"));
        r.XO("divwe", 427, of("FixedArith::divwe")).XO("divweu", 395, of("FixedArith::divweu"));
        r.XO("divd", 489, of("FixedArith::divd")).XO("divdu", 457, of("FixedArith::divdu"));
        r.XO("divde", 425, of("FixedArith::divde")).XO("divdeu", 393, of("FixedArith::divdeu"));
        r.X0("modsw", 779, of("FixedArith::modsw")).X0("moduw", 267, of("FixedArith::moduw"));
        r.X0("modsd", 777, of("FixedArith::modsd")).X0("modud", 265, of("FixedArith::modud"));

        // 3.3.10 compare
        r.D("cmpi", 11, of("FixedCompare::cmpi")).D("cmpli", 10, of("FixedCompare::cmpli"));
        r.X0("cmp", 0, of("FixedCompare::cmp")).X0("cmpl", 32, of("FixedCompare::cmpl"));
        r.X0("cmprb", 192, of("FixedCompare::cmprb")).X0("cmpeqb", 224, of("FixedCompare::cmpeqb"));
        // 3.3.11 trap
        r.D("twi", 3, of("FixedCompare::twi")).D("tdi", 2, of("FixedCompare::tdi"));
        r.X0("tw", 4, of("FixedCompare::tw")).X0("td", 68, of("FixedCompare::td"));
        // 3.3.12 isel
        r.A("isel", 31, 15, "0", of("FixedLogical::isel"));

        // 3.3.13 logical
        r.D("andi.", 28, of("FixedLogical::andi_rc")).D("andis.", 29, of("FixedLogical::andis_rc"));
        r.D("ori", 24, of("FixedLogical::ori")).D("oris", 25, of("FixedLogical::oris"));
        r.D("xori", 26, of("FixedLogical::xori")).D("xoris", 27, of("FixedLogical::xoris"));
        r.Xr("and", 28, of("FixedLogical::and")).Xr("andc", 60, of("FixedLogical::andc"));
        r.Xr("or", 444, of("FixedLogical::or")).Xr("orc", 412, of("FixedLogical::orc"));
        r.Xr("xor", 316, of("FixedLogical::xor")).Xr("nand", 476, of("FixedLogical::nand"));
        r.Xr("nor", 124, of("FixedLogical::nor")).Xr("eqv", 284, of("FixedLogical::eqv"));
        r.insn("extsb", "011111_ttttt_aaaaa_00000_1110111010_r", of("FixedLogical::extsb"));
        r.insn("extsh", "011111_ttttt_aaaaa_00000_1110011010_r", of("FixedLogical::extsh"));
        r.insn("extsw", "011111_ttttt_aaaaa_00000_1111011010_r", of("FixedLogical::extsw"));
        r.insn("cntlzw", "011111_ttttt_aaaaa_00000_0000011010_r", of("FixedLogical::cntlzw"));
        r.insn("cntlzd", "011111_ttttt_aaaaa_00000_0000111010_r", of("FixedLogical::cntlzd"));
        r.insn("cnttzw", "011111_ttttt_aaaaa_00000_1000011010_r", of("FixedLogical::cnttzw"));
        r.insn("cnttzd", "011111_ttttt_aaaaa_00000_1000111010_r", of("FixedLogical::cnttzd"));
        r.X0("cmpb", 508, of("FixedLogical::cmpb"));
        r.insn("popcntb", "011111_ttttt_aaaaa_00000_0001111010_0", of("FixedLogical::popcntb"));
        r.insn("popcntw", "011111_ttttt_aaaaa_00000_0101111010_0", of("FixedLogical::popcntw"));
        r.insn("popcntd", "011111_ttttt_aaaaa_00000_0111111010_0", of("FixedLogical::popcntd"));
        r.insn("prtyw", "011111_ttttt_aaaaa_00000_0010011010_0", of("FixedLogical::prtyw"));
        r.insn("prtyd", "011111_ttttt_aaaaa_00000_0010111010_0", of("FixedLogical::prtyd"));
        r.X0("bpermd", 252, of("FixedLogical::bpermd"));
        r.insn("setb", "011111_ttttt_aaa_00_00000_0010000000_0", of("FixedLogical::setb"));

        // 3.3.14 rotate and shift
        r.M("rlwinm", 21, of("FixedRotate::rlwinm")).M("rlwnm", 23, of("FixedRotate::rlwnm"));
        r.M("rlwimi", 20, of("FixedRotate::rlwimi"));
        r.MD("rldicl", 0, of("FixedRotate::rldicl")).MD("rldicr", 1, of("FixedRotate::rldicr"));
        r.MD("rldic", 2, of("FixedRotate::rldic")).MD("rldimi", 3, of("FixedRotate::rldimi"));
        r.MDS("rldcl", 8, of("FixedRotate::rldcl")).MDS("rldcr", 9, of("FixedRotate::rldcr"));
        r.Xr("slw", 24, of("FixedRotate::slw")).Xr("srw", 536, of("FixedRotate::srw"));
        r.Xr("sraw", 792, of("FixedRotate::sraw")).Xr("srawi", 824, of("FixedRotate::srawi"));
        r.Xr("sld", 27, of("FixedRotate::sld")).Xr("srd", 539, of("FixedRotate::srd"));
        r.Xr("srad", 794, of("FixedRotate::srad"));
        r.XS("sradi", 413, of("FixedRotate::sradi")).XS("extswsli", 445, of("FixedRotate::extswsli"));

        // 3.3.17 move to/from system registers
        r.XFX("mfspr", 339, of("SpecialRegs::mfspr")).XFX("mtspr", 467, of("SpecialRegs::mtspr"));
        r.XFX("mftb", 371, of("SpecialRegs::mftb"));
        r.insn("mfcr", "011111_ttttt_0_00000000_0_0000010011_0", of("SpecialRegs::mfcr"));
        r.insn("mfocrf", "011111_ttttt_1_ffffffff_0_0000010011_0", of("SpecialRegs::mfocrf"));
        r.insn("mtcrf", "011111_ttttt_0_ffffffff_0_0010010000_0", of("SpecialRegs::mtcrf"));
        r.insn("mtocrf", "011111_ttttt_1_ffffffff_0_0010010000_0", of("SpecialRegs::mtocrf"));
    }

    /** Book II chapters 4 (storage control instructions) and 5 (synchronization). */
    private static void storage(Rows r) {
        r.insn("lbarx", "011111_ttttt_aaaaa_bbbbb_0000110100_e", of("StorageControl::lbarx"));
        r.insn("lharx", "011111_ttttt_aaaaa_bbbbb_0001110100_e", of("StorageControl::lharx"));
        r.insn("lwarx", "011111_ttttt_aaaaa_bbbbb_0000010100_e", of("StorageControl::lwarx"));
        r.insn("ldarx", "011111_ttttt_aaaaa_bbbbb_0001010100_e", of("StorageControl::ldarx"));
        r.X("stbcx.", 31, 694, "1", of("StorageControl::stbcx"));
        r.X("sthcx.", 31, 726, "1", of("StorageControl::sthcx"));
        r.X("stwcx.", 31, 150, "1", of("StorageControl::stwcx"));
        r.X("stdcx.", 31, 214, "1", of("StorageControl::stdcx"));
        r.insn("sync", "011111_---ll_-----_-----_1001010110_0", of("StorageControl::sync"));
        r.insn("eieio", "011111_-----_-----_-----_1101010110_0", of("StorageControl::eieio"));
        r.XL("isync", 150, "0", of("StorageControl::isync"));
        r.insn("dcbz", "011111_-----_aaaaa_bbbbb_1111110110_0", of("StorageControl::dcbz"));
        r.insn("dcbt", "011111_-----_aaaaa_bbbbb_0100010110_0", of("StorageControl::cacheHint"));
        r.insn("dcbtst", "011111_-----_aaaaa_bbbbb_0011110110_0", of("StorageControl::cacheHint"));
        r.insn("dcbf", "011111_-----_aaaaa_bbbbb_0001010110_0", of("StorageControl::cacheHint"));
        r.insn("dcbst", "011111_-----_aaaaa_bbbbb_0000110110_0", of("StorageControl::cacheHint"));
        r.insn("icbt", "011111_-----_aaaaa_bbbbb_0000010110_0", of("StorageControl::cacheHint"));
        r.insn("icbi", "011111_-----_aaaaa_bbbbb_1111010110_0", of("StorageControl::icbi"));
    }
}
