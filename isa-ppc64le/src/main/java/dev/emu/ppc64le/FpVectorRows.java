package dev.emu.ppc64le;

import static dev.emu.ppc64le.PpcHandlers.of;

import dev.emu.ppc64le.lift.Handler;
import dev.emu.ppc64le.lift.VecOps;
import dev.emu.ppc64le.vec.OpTable;
import dev.emu.ppc64le.vec.VmxInteger;
import dev.emu.ppc64le.vec.VmxPermute;
import dev.emu.ppc64le.vec.Vsx;

/**
 * The rows of the floating-point (Book I chapter 4), VMX (chapter 6) and VSX (chapter 7)
 * facilities: primaries 4, 59, 60 and 63, the FP loads and stores of primaries 48..55, and the
 * vector, VSX and FP indexed loads and stores and moves of primary 31 (lvx, stvx, lxvd2x,
 * lfsx, mfvsrd ...). Owned by the FP/vector work (see docs/ppc64le.md).
 *
 * <p>The register-to-register VMX and VSX instructions come from their opcode tables, one row
 * per table entry (so the row's name is the mnemonic); what has no entry raises SIGILL.
 */
final class FpVectorRows {
    private FpVectorRows() {}

    static void add(Rows r) {
        floatingPoint(r);
        vmx(r);
        vsx(r);
    }

    /** Book I chapter 4. */
    private static void floatingPoint(Rows r) {
        // 4.6.2-3 loads and stores
        r.D("lfs", 48, of("FpLoadStore::lfs")).D("lfsu", 49, of("FpLoadStore::lfsu"));
        r.D("lfd", 50, of("FpLoadStore::lfd")).D("lfdu", 51, of("FpLoadStore::lfdu"));
        r.D("stfs", 52, of("FpLoadStore::stfs")).D("stfsu", 53, of("FpLoadStore::stfsu"));
        r.D("stfd", 54, of("FpLoadStore::stfd")).D("stfdu", 55, of("FpLoadStore::stfdu"));
        r.X0("lfsx", 535, of("FpLoadStore::lfsx")).X0("lfsux", 567, of("FpLoadStore::lfsux"));
        r.X0("lfdx", 599, of("FpLoadStore::lfdx")).X0("lfdux", 631, of("FpLoadStore::lfdux"));
        r.X0("lfiwax", 855, of("FpLoadStore::lfiwax")).X0("lfiwzx", 887, of("FpLoadStore::lfiwzx"));
        r.X0("stfsx", 663, of("FpLoadStore::stfsx")).X0("stfsux", 695, of("FpLoadStore::stfsux"));
        r.X0("stfdx", 727, of("FpLoadStore::stfdx")).X0("stfdux", 759, of("FpLoadStore::stfdux"));
        r.X0("stfiwx", 983, of("FpLoadStore::stfiwx"));
        r.DS("lfdp", 57, 0, of("FpLoadStore::lfdp")).DS("stfdp", 61, 0, of("FpLoadStore::stfdp"));
        r.X0("lfdpx", 791, of("FpLoadStore::lfdpx")).X0("stfdpx", 919, of("FpLoadStore::stfdpx"));
        // 4.6.4 moves (FRA must be 0 except for fcpsgn)
        r.insn("fmr", "111111_ttttt_00000_bbbbb_0001001000_r", of("FpArith::fmr"));
        r.insn("fneg", "111111_ttttt_00000_bbbbb_0000101000_r", of("FpArith::fneg"));
        r.insn("fabs", "111111_ttttt_00000_bbbbb_0100001000_r", of("FpArith::fabs"));
        r.insn("fnabs", "111111_ttttt_00000_bbbbb_0010001000_r", of("FpArith::fnabs"));
        r.X("fcpsgn", 63, 8, "r", of("FpArith::fcpsgn"));
        // 4.6.5-6 arithmetic and multiply-add: A-form (FRC must be 0 for fadd/fsub/fdiv; FRA
        // and FRC for fsqrt/fre/frsqrte; FRB for fmul)
        String[] single = {"fdivs", "fsubs", "fadds", "fsqrts", "fres", "fmuls", "frsqrtes", "fmsubs", "fmadds",
            "fnmsubs", "fnmadds"};
        int[] xo = {18, 20, 21, 22, 24, 25, 26, 28, 29, 30, 31};
        for (int i = 0; i < xo.length; i++) {
            r.insn(single[i], aForm(59, xo[i]), of("FpArith::arith"));
            r.insn(single[i].substring(0, single[i].length() - 1), aForm(63, xo[i]), of("FpArith::arith"));
        }
        r.A("fsel", 63, 23, "r", of("FpArith::arith"));
        // 4.6.7 round and convert (FRA must be 0)
        String[] cvt = {"frsp", "fctiw", "fctiwz", "fctiwu", "fctiwuz", "fctid", "fctidz", "fctidu", "fctiduz",
            "fcfid", "fcfidu", "frin", "friz", "frip", "frim"};
        int[] cvtXo = {12, 14, 15, 142, 143, 814, 815, 942, 943, 846, 974, 392, 424, 456, 488};
        for (int i = 0; i < cvt.length; i++) {
            r.insn(cvt[i], "111111_ttttt_00000_bbbbb_" + bits(cvtXo[i], 10) + "_r", of("FpArith::convert"));
        }
        r.insn("fcfids", "111011_ttttt_00000_bbbbb_1101001110_r", of("FpArith::convert"));
        r.insn("fcfidus", "111011_ttttt_00000_bbbbb_1111001110_r", of("FpArith::convert"));
        // 4.6.8 compare, test for software divide / square root
        r.insn("ftdiv", "111111_ttt00_aaaaa_bbbbb_0010000000_0", of("FpArith::testDivide"));
        r.insn("ftsqrt", "111111_ttt00_00000_bbbbb_0010100000_0", of("FpArith::testSqrt"));
        r.insn("fmrgew", "111111_ttttt_aaaaa_bbbbb_1111000110_0", of("FpArith::fmrgew"));
        r.insn("fmrgow", "111111_ttttt_aaaaa_bbbbb_1101000110_0", of("FpArith::fmrgow"));
        r.insn("fcmpu", "111111_ttt00_aaaaa_bbbbb_0000000000_0", of("FpArith::compare"));
        r.insn("fcmpo", "111111_ttt00_aaaaa_bbbbb_0000100000_0", of("FpArith::compare"));
        // 4.6.10 FPSCR
        r.insn("mffs", "111111_ttttt_00000_00000_1001000111_r", of("FpArith::mffs"));
        r.insn("mcrfs", "111111_ttt00_aaa00_00000_0001000000_0", of("FpArith::mcrfs"));
        r.insn("mtfsfi", "111111_ttt00_0000w_iiii0_0010000110_r", of("FpArith::moveToFpscr"));
        r.insn("mtfsf", "111111_lmmmmmmmmw_bbbbb_1011000111_r", of("FpArith::moveToFpscr"));
        r.insn("mtfsb0", "111111_ttttt_00000_00000_0001000110_r", of("FpArith::moveToFpscr"));
        r.insn("mtfsb1", "111111_ttttt_00000_00000_0000100110_r", of("FpArith::moveToFpscr"));
    }

    /** A-form with the fields an instruction does not use required to be zero. */
    private static String aForm(int po, int xo) {
        String a = xo == 22 || xo == 24 || xo == 26 ? "00000" : "aaaaa";
        String b = xo == 25 ? "00000" : "bbbbb";
        String c = xo <= 22 || xo == 24 || xo == 26 ? "00000" : "ccccc";
        return bits(po, 6) + "_ttttt_" + a + "_" + b + "_" + c + "_" + bits(xo, 5) + "_r";
    }

    private static String bits(int v, int width) {
        StringBuilder s = new StringBuilder(Integer.toBinaryString(v));
        while (s.length() < width) {
            s.insert(0, '0');
        }
        return s.toString();
    }

    /** Book I chapter 6. */
    private static void vmx(Rows r) {
        r.X0("lvx", 103, of("VmxLoadStore::lvx")).X0("lvxl", 359, of("VmxLoadStore::lvx"));
        r.X0("stvx", 231, of("VmxLoadStore::stvx")).X0("stvxl", 487, of("VmxLoadStore::stvx"));
        r.X0("lvebx", 7, of("VmxLoadStore::lvebx")).X0("lvehx", 39, of("VmxLoadStore::lvehx"));
        r.X0("lvewx", 71, of("VmxLoadStore::lvewx"));
        r.X0("stvebx", 135, of("VmxLoadStore::stvebx")).X0("stvehx", 167, of("VmxLoadStore::stvehx"));
        r.X0("stvewx", 199, of("VmxLoadStore::stvewx"));
        r.X0("lvsl", 6, of("VmxLoadStore::lvsl")).X0("lvsr", 38, of("VmxLoadStore::lvsr"));
        // 6.13 (Book II) data stream touch and stop: performance hints, no effect here
        r.insn("dst", "011111_t00--_aaaaa_bbbbb_0101010110_0", of("VmxLoadStore::hint"));
        r.insn("dstst", "011111_t00--_aaaaa_bbbbb_0101110110_0", of("VmxLoadStore::hint"));
        r.insn("dss", "011111_t00--_00000_00000_1100110110_0", of("VmxLoadStore::hint"));
        for (OpTable.Entry e : VmxInteger.VX.entries()) {
            Handler ir = VecOps.irFor(e.name());
            r.insn(e.name(), "000100_" + e.fields() + "_" + bits(e.xo(), 11), ir != null ? ir : of("VecOps::vx"));
        }
        for (OpTable.Entry e : VmxPermute.VA.entries()) {
            r.VA(e.name(), e.xo(), of("VecOps::va"));
        }
    }

    /** Book I chapter 7. */
    private static void vsx(Rows r) {
        r.XX1("lxvd2x", 31, 844, of("VsxLoadStore::lxvd2x")).XX1("stxvd2x", 31, 972, of("VsxLoadStore::stxvd2x"));
        r.XX1("lxvw4x", 31, 780, of("VsxLoadStore::lxvw4x")).XX1("stxvw4x", 31, 908, of("VsxLoadStore::stxvw4x"));
        r.XX1("lxvdsx", 31, 332, of("VsxLoadStore::lxvdsx"));
        r.XX1("lxsdx", 31, 588, of("VsxLoadStore::lxsdx")).XX1("stxsdx", 31, 716, of("VsxLoadStore::stxsdx"));
        r.XX1("lxsspx", 31, 524, of("VsxLoadStore::lxsspx")).XX1("stxsspx", 31, 652, of("VsxLoadStore::stxsspx"));
        r.XX1("lxsiwax", 31, 76, of("VsxLoadStore::lxsiwax")).XX1("lxsiwzx", 31, 12, of("VsxLoadStore::lxsiwzx"));
        r.XX1("stxsiwx", 31, 140, of("VsxLoadStore::stxsiwx"));
        // 7.6.1.3 moves: RB must be 0
        r.insn("mfvsrd", "011111_ttttt_aaaaa_00000_0000110011_x", of("VsxLoadStore::mfvsrd"));
        r.insn("mfvsrwz", "011111_ttttt_aaaaa_00000_0001110011_x", of("VsxLoadStore::mfvsrwz"));
        r.insn("mtvsrd", "011111_ttttt_aaaaa_00000_0010110011_x", of("VsxLoadStore::mtvsrd"));
        r.insn("mtvsrwa", "011111_ttttt_aaaaa_00000_0011010011_x", of("VsxLoadStore::mtvsrwa"));
        r.insn("mtvsrwz", "011111_ttttt_aaaaa_00000_0011110011_x", of("VsxLoadStore::mtvsrwz"));
        for (OpTable.Entry e : Vsx.XX3.entries()) {
            // the scalar compares name a CR field (bits 9:10 and TX reserved)
            boolean crTarget = e.name().startsWith("xscmp") || e.name().matches("x[sv]tdiv[sd]p");
            String t = crTarget ? "ttt00" : "ttttt", tx = crTarget ? "0" : "x";
            Handler ir = VecOps.irFor(e.name());
            r.insn(e.name(), "111100_" + t + "_aaaaa_bbbbb_" + bits(e.xo(), 8) + "_zy" + tx, ir != null ? ir : of("VecOps::xx3"));
        }
        for (OpTable.Entry e : Vsx.XX2.entries()) {
            // xxspltw's UIM sits in bits 14:15; the other XX2 rows need bits 11:15 zero; the
            // square root tests name a CR field (bits 9:10 and TX reserved)
            String mid = e.name().equals("xxspltw") ? "000ii" : "00000";
            if (e.name().matches("x[sv]tsqrt[sd]p")) {
                r.insn(e.name(), "111100_ttt00_00000_bbbbb_" + bits(e.xo(), 9) + "_y0", of("VecOps::xx2"));
            } else {
                r.XX2(e.name(), 60, mid, e.xo(), of("VecOps::xx2"));
            }
        }
        for (OpTable.Entry e : Vsx.XX4.entries()) {
            r.XX4(e.name(), 60, e.xo(), of("VecOps::xx4"));
        }
    }
}
