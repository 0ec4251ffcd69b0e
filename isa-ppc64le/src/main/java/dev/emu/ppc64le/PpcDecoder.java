package dev.emu.ppc64le;

import dev.emu.core.decode.DecodeTable;
import dev.emu.ppc64le.lift.Branch;
import dev.emu.ppc64le.lift.FixedArith;
import dev.emu.ppc64le.lift.FixedCompare;
import dev.emu.ppc64le.lift.FixedLoadStore;
import dev.emu.ppc64le.lift.FixedLogical;
import dev.emu.ppc64le.lift.FixedRotate;
import dev.emu.ppc64le.lift.Handler;
import dev.emu.ppc64le.lift.SpecialRegs;
import dev.emu.ppc64le.lift.StorageControl;

/**
 * The Power ISA (v3.0B numbering of sections; user-mode Book I and the user part of Book II)
 * decoder: one row per instruction, grouped under the manual's chapters, the form named by the
 * {@link Rows} method. Record (Rc) and overflow (OE) variants share their base row. An
 * encoding without a row raises SIGILL with its word in the message.
 *
 * <p>The FP, VMX and VSX rows come from {@link FpVectorRows}.
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
        r.insn("b", "010010_iiiiiiiiiiiiiiiiiiiiiiii_ql", Branch::b);             // 2.4 I-form
        r.insn("bc", "010000_ttttt_aaaaa_iiiiiiiiiiiiii_ql", Branch::bc);        // 2.4 B-form
        r.XL("bclr", 16, "l", Branch::bclr);                                     // 2.4 XL-form
        r.XL("bcctr", 528, "l", Branch::bcctr);
        r.XL("bctar", 560, "l", Branch::bctar);
        r.insn("sc", "010001_-----_-----_----_ttttttt_---_1_-", Branch::sc);      // 3.3.1 SC-form
        r.XL("crand", 257, "0", Branch::crand);                                  // 2.5.1
        r.XL("crnand", 225, "0", Branch::crnand);
        r.XL("cror", 449, "0", Branch::cror);
        r.XL("crxor", 193, "0", Branch::crxor);
        r.XL("crnor", 33, "0", Branch::crnor);
        r.XL("creqv", 289, "0", Branch::creqv);
        r.XL("crandc", 129, "0", Branch::crandc);
        r.XL("crorc", 417, "0", Branch::crorc);
        r.insn("mcrf", "010011_ttt_00_aaa_00_00000_0000000000_0", Branch::mcrf);  // 2.5.2
    }

    /** Book I chapter 3: fixed-point facility. */
    private static void fixedPoint(Rows r) {
        // 3.3.2-3.3.7 loads and stores
        r.D("lbz", 34, FixedLoadStore::lbz).D("lbzu", 35, FixedLoadStore::lbzu);
        r.X0("lbzx", 87, FixedLoadStore::lbzx).X0("lbzux", 119, FixedLoadStore::lbzux);
        r.D("lhz", 40, FixedLoadStore::lhz).D("lhzu", 41, FixedLoadStore::lhzu);
        r.X0("lhzx", 279, FixedLoadStore::lhzx).X0("lhzux", 311, FixedLoadStore::lhzux);
        r.D("lha", 42, FixedLoadStore::lha).D("lhau", 43, FixedLoadStore::lhau);
        r.X0("lhax", 343, FixedLoadStore::lhax).X0("lhaux", 375, FixedLoadStore::lhaux);
        r.D("lwz", 32, FixedLoadStore::lwz).D("lwzu", 33, FixedLoadStore::lwzu);
        r.X0("lwzx", 23, FixedLoadStore::lwzx).X0("lwzux", 55, FixedLoadStore::lwzux);
        r.DS("lwa", 58, 2, FixedLoadStore::lwa);
        r.X0("lwax", 341, FixedLoadStore::lwax).X0("lwaux", 373, FixedLoadStore::lwaux);
        r.DS("ld", 58, 0, FixedLoadStore::ld).DS("ldu", 58, 1, FixedLoadStore::ldu);
        r.X0("ldx", 21, FixedLoadStore::ldx).X0("ldux", 53, FixedLoadStore::ldux);
        r.D("stb", 38, FixedLoadStore::stb).D("stbu", 39, FixedLoadStore::stbu);
        r.X0("stbx", 215, FixedLoadStore::stbx).X0("stbux", 247, FixedLoadStore::stbux);
        r.D("sth", 44, FixedLoadStore::sth).D("sthu", 45, FixedLoadStore::sthu);
        r.X0("sthx", 407, FixedLoadStore::sthx).X0("sthux", 439, FixedLoadStore::sthux);
        r.D("stw", 36, FixedLoadStore::stw).D("stwu", 37, FixedLoadStore::stwu);
        r.X0("stwx", 151, FixedLoadStore::stwx).X0("stwux", 183, FixedLoadStore::stwux);
        r.DS("std", 62, 0, FixedLoadStore::std).DS("stdu", 62, 1, FixedLoadStore::stdu);
        r.X0("stdx", 149, FixedLoadStore::stdx).X0("stdux", 181, FixedLoadStore::stdux);
        r.insn("lq", "111000_ttttt_aaaaa_iiiiiiiiiiii_0000", FixedLoadStore::lq).DS("stq", 62, 2, FixedLoadStore::stq);
        // 3.3.8 byte-reverse
        r.X0("lhbrx", 790, FixedLoadStore::lhbrx).X0("lwbrx", 534, FixedLoadStore::lwbrx);
        r.X0("ldbrx", 532, FixedLoadStore::ldbrx);
        r.X0("sthbrx", 918, FixedLoadStore::sthbrx).X0("stwbrx", 662, FixedLoadStore::stwbrx);
        r.X0("stdbrx", 660, FixedLoadStore::stdbrx);
        // 3.3.9 multiple, 3.3.10 string
        r.D("lmw", 46, FixedLoadStore::lmw).D("stmw", 47, FixedLoadStore::stmw);
        r.X0("lswi", 597, FixedLoadStore::lswi).X0("lswx", 533, FixedLoadStore::lswx);
        r.X0("stswi", 725, FixedLoadStore::stswi).X0("stswx", 661, FixedLoadStore::stswx);

        // 3.3.9 arithmetic
        r.D("addi", 14, FixedArith::addi).D("addis", 15, FixedArith::addis);
        r.D("addic", 12, FixedArith::addic).D("addic.", 13, FixedArith::addic_rc);
        r.D("subfic", 8, FixedArith::subfic).D("mulli", 7, FixedArith::mulli);
        r.XO("add", 266, FixedArith::add).XO("subf", 40, FixedArith::subf);
        r.XO("addc", 10, FixedArith::addc).XO("subfc", 8, FixedArith::subfc);
        r.XO("adde", 138, FixedArith::adde).XO("subfe", 136, FixedArith::subfe);
        r.insn("addme", "011111_ttttt_aaaaa_00000_o_011101010_r", FixedArith::addme);
        r.insn("subfme", "011111_ttttt_aaaaa_00000_o_011101000_r", FixedArith::subfme);
        r.insn("addze", "011111_ttttt_aaaaa_00000_o_011001010_r", FixedArith::addze);
        r.insn("subfze", "011111_ttttt_aaaaa_00000_o_011001000_r", FixedArith::subfze);
        r.insn("neg", "011111_ttttt_aaaaa_00000_o_001101000_r", FixedArith::neg);
        // multiply, divide, modulo
        r.XO("mullw", 235, FixedArith::mullw).XO("mulld", 233, FixedArith::mulld);
        r.XOnoOE("mulhw", 75, FixedArith::mulhw).XOnoOE("mulhwu", 11, FixedArith::mulhwu);
        r.XOnoOE("mulhd", 73, FixedArith::mulhd).XOnoOE("mulhdu", 9, FixedArith::mulhdu);
        r.insn("maddhd", "000100_ttttt_aaaaa_bbbbb_ccccc_110000", FixedArith::maddhd);
        r.insn("maddhdu", "000100_ttttt_aaaaa_bbbbb_ccccc_110001", FixedArith::maddhdu);
        r.insn("maddld", "000100_ttttt_aaaaa_bbbbb_ccccc_110011", FixedArith::maddld);
        r.XO("divw", 491, FixedArith::divw).XO("divwu", 459, FixedArith::divwu);
        r.XO("divwe", 427, FixedArith::divwe).XO("divweu", 395, FixedArith::divweu);
        r.XO("divd", 489, FixedArith::divd).XO("divdu", 457, FixedArith::divdu);
        r.XO("divde", 425, FixedArith::divde).XO("divdeu", 393, FixedArith::divdeu);
        r.X0("modsw", 779, FixedArith::modsw).X0("moduw", 267, FixedArith::moduw);
        r.X0("modsd", 777, FixedArith::modsd).X0("modud", 265, FixedArith::modud);

        // 3.3.10 compare
        r.D("cmpi", 11, FixedCompare::cmpi).D("cmpli", 10, FixedCompare::cmpli);
        r.X0("cmp", 0, FixedCompare::cmp).X0("cmpl", 32, FixedCompare::cmpl);
        r.X0("cmprb", 192, FixedCompare::cmprb).X0("cmpeqb", 224, FixedCompare::cmpeqb);
        // 3.3.11 trap
        r.D("twi", 3, FixedCompare::twi).D("tdi", 2, FixedCompare::tdi);
        r.X0("tw", 4, FixedCompare::tw).X0("td", 68, FixedCompare::td);
        // 3.3.12 isel
        r.A("isel", 31, 15, "0", FixedLogical::isel);

        // 3.3.13 logical
        r.D("andi.", 28, FixedLogical::andi_rc).D("andis.", 29, FixedLogical::andis_rc);
        r.D("ori", 24, FixedLogical::ori).D("oris", 25, FixedLogical::oris);
        r.D("xori", 26, FixedLogical::xori).D("xoris", 27, FixedLogical::xoris);
        r.Xr("and", 28, FixedLogical::and).Xr("andc", 60, FixedLogical::andc);
        r.Xr("or", 444, FixedLogical::or).Xr("orc", 412, FixedLogical::orc);
        r.Xr("xor", 316, FixedLogical::xor).Xr("nand", 476, FixedLogical::nand);
        r.Xr("nor", 124, FixedLogical::nor).Xr("eqv", 284, FixedLogical::eqv);
        r.insn("extsb", "011111_ttttt_aaaaa_00000_1110111010_r", FixedLogical::extsb);
        r.insn("extsh", "011111_ttttt_aaaaa_00000_1110011010_r", FixedLogical::extsh);
        r.insn("extsw", "011111_ttttt_aaaaa_00000_1111011010_r", FixedLogical::extsw);
        r.insn("cntlzw", "011111_ttttt_aaaaa_00000_0000011010_r", FixedLogical::cntlzw);
        r.insn("cntlzd", "011111_ttttt_aaaaa_00000_0000111010_r", FixedLogical::cntlzd);
        r.insn("cnttzw", "011111_ttttt_aaaaa_00000_1000011010_r", FixedLogical::cnttzw);
        r.insn("cnttzd", "011111_ttttt_aaaaa_00000_1000111010_r", FixedLogical::cnttzd);
        r.X0("cmpb", 508, FixedLogical::cmpb);
        r.insn("popcntb", "011111_ttttt_aaaaa_00000_0001111010_0", FixedLogical::popcntb);
        r.insn("popcntw", "011111_ttttt_aaaaa_00000_0101111010_0", FixedLogical::popcntw);
        r.insn("popcntd", "011111_ttttt_aaaaa_00000_0111111010_0", FixedLogical::popcntd);
        r.insn("prtyw", "011111_ttttt_aaaaa_00000_0010011010_0", FixedLogical::prtyw);
        r.insn("prtyd", "011111_ttttt_aaaaa_00000_0010111010_0", FixedLogical::prtyd);
        r.X0("bpermd", 252, FixedLogical::bpermd);
        r.insn("setb", "011111_ttttt_aaa_00_00000_0010000000_0", FixedLogical::setb);

        // 3.3.14 rotate and shift
        r.M("rlwinm", 21, FixedRotate::rlwinm).M("rlwnm", 23, FixedRotate::rlwnm);
        r.M("rlwimi", 20, FixedRotate::rlwimi);
        r.MD("rldicl", 0, FixedRotate::rldicl).MD("rldicr", 1, FixedRotate::rldicr);
        r.MD("rldic", 2, FixedRotate::rldic).MD("rldimi", 3, FixedRotate::rldimi);
        r.MDS("rldcl", 8, FixedRotate::rldcl).MDS("rldcr", 9, FixedRotate::rldcr);
        r.Xr("slw", 24, FixedRotate::slw).Xr("srw", 536, FixedRotate::srw);
        r.Xr("sraw", 792, FixedRotate::sraw).Xr("srawi", 824, FixedRotate::srawi);
        r.Xr("sld", 27, FixedRotate::sld).Xr("srd", 539, FixedRotate::srd);
        r.Xr("srad", 794, FixedRotate::srad);
        r.XS("sradi", 413, FixedRotate::sradi).XS("extswsli", 445, FixedRotate::extswsli);

        // 3.3.17 move to/from system registers
        r.XFX("mfspr", 339, SpecialRegs::mfspr).XFX("mtspr", 467, SpecialRegs::mtspr);
        r.XFX("mftb", 371, SpecialRegs::mftb);
        r.insn("mfcr", "011111_ttttt_0_00000000_0_0000010011_0", SpecialRegs::mfcr);
        r.insn("mfocrf", "011111_ttttt_1_ffffffff_0_0000010011_0", SpecialRegs::mfocrf);
        r.insn("mtcrf", "011111_ttttt_0_ffffffff_0_0010010000_0", SpecialRegs::mtcrf);
        r.insn("mtocrf", "011111_ttttt_1_ffffffff_0_0010010000_0", SpecialRegs::mtocrf);
    }

    /** Book II chapters 4 (storage control instructions) and 5 (synchronization). */
    private static void storage(Rows r) {
        r.insn("lbarx", "011111_ttttt_aaaaa_bbbbb_0000110100_e", StorageControl::lbarx);
        r.insn("lharx", "011111_ttttt_aaaaa_bbbbb_0001110100_e", StorageControl::lharx);
        r.insn("lwarx", "011111_ttttt_aaaaa_bbbbb_0000010100_e", StorageControl::lwarx);
        r.insn("ldarx", "011111_ttttt_aaaaa_bbbbb_0001010100_e", StorageControl::ldarx);
        r.X("stbcx.", 31, 694, "1", StorageControl::stbcx);
        r.X("sthcx.", 31, 726, "1", StorageControl::sthcx);
        r.X("stwcx.", 31, 150, "1", StorageControl::stwcx);
        r.X("stdcx.", 31, 214, "1", StorageControl::stdcx);
        r.insn("sync", "011111_---ll_-----_-----_1001010110_0", StorageControl::sync);
        r.insn("eieio", "011111_-----_-----_-----_1101010110_0", StorageControl::eieio);
        r.XL("isync", 150, "0", StorageControl::isync);
        r.insn("dcbz", "011111_-----_aaaaa_bbbbb_1111110110_0", StorageControl::dcbz);
        r.insn("dcbt", "011111_-----_aaaaa_bbbbb_0100010110_0", StorageControl::cacheHint);
        r.insn("dcbtst", "011111_-----_aaaaa_bbbbb_0011110110_0", StorageControl::cacheHint);
        r.insn("dcbf", "011111_-----_aaaaa_bbbbb_0001010110_0", StorageControl::cacheHint);
        r.insn("dcbst", "011111_-----_aaaaa_bbbbb_0000110110_0", StorageControl::cacheHint);
        r.insn("icbt", "011111_-----_aaaaa_bbbbb_0000010110_0", StorageControl::cacheHint);
        r.insn("icbi", "011111_-----_aaaaa_bbbbb_1111010110_0", StorageControl::icbi);
    }
}
