package dev.emu.arm32.lift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.arm32.A32Runner;
import dev.emu.arm32.Arm32Registers;
import dev.emu.core.ir.TrapKind;

import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

/**
 * Advanced SIMD, one or two instructions per encoding group, each run as A32 and as its Thumb
 * encoding; A32Runner runs every block in the interpreter and checks the JIT against it.
 */
public class NeonTest {
    static final long D = A32Runner.DATA;
    static final long QC = 1L << 27;

    /** The Thumb encoding of an A32 Advanced SIMD word (data processing, element load/store, or a cond-1110 transfer). */
    public static int[] thumb(int w) {
        int t;
        if ((w >>> 25) == 0b1111_001) {
            t = 0xEF00_0000 | (w >>> 24 & 1) << 28 | w & 0x00FF_FFFF;
        } else if ((w >>> 24) == 0xF4) {
            t = 0xF900_0000 | w & 0x00FF_FFFF;
        } else {
            t = 0xE000_0000 | w & 0x0FFF_FFFF;
        }
        return new int[] {t >>> 16, t & 0xFFFF};
    }

    /** Runs {@code word} as A32 and as Thumb from the state {@code setup} makes; {@code check} sees each result. */
    static void both(int word, Consumer<A32Runner> setup, Consumer<A32Runner> check) {
        for (A32Runner r : new A32Runner[] {A32Runner.arm(word), A32Runner.thumb(thumb(word))}) {
            setup.accept(r);
            r.run();
            check.accept(r);
        }
    }

    static long d(A32Runner r, int n) {
        return r.cpu.regs[Arm32Registers.D0 + n];
    }

    static void setD(A32Runner r, int n, long v) {
        r.cpu.regs[Arm32Registers.D0 + n] = v;
    }

    static long f2(float hi, float lo) {
        return (long) Float.floatToRawIntBits(hi) << 32 | Float.floatToRawIntBits(lo) & 0xFFFF_FFFFL;
    }

    @Test
    void three_same_integer() {
        // vqadd.s16 q0, q1, q2: 0x7000 + 0x2000 saturates to 0x7fff and sets QC; -1 + 1 = 0
        both(0xf2120054, r -> {
            setD(r, 2, 0x7000_7000_FFFF_0001L);
            setD(r, 3, 0);
            setD(r, 4, 0x2000_0001_0001_0001L);
            setD(r, 5, 0x0001_0002_0003_0004L);
        }, r -> {
            assertThat(d(r, 0)).isEqualTo(0x7FFF_7001_0000_0002L);
            assertThat(d(r, 1)).isEqualTo(0x0001_0002_0003_0004L);
            assertThat(r.cpu.regs[Arm32Registers.FPSCR] & QC).isEqualTo(QC);
        });
        // vbsl d3, d4, d5: d3's bits pick d4 where set, d5 where clear
        both(0xf3143115, r -> {
            setD(r, 3, 0xFF00_FF00_F0F0_0000L);
            setD(r, 4, -1L);
            setD(r, 5, 0);
        }, r -> assertThat(d(r, 3)).isEqualTo(0xFF00_FF00_F0F0_0000L));
        // vrshl.u8 d6, d7, d8: shift by -1 rounds (3 -> 2), by +2 shifts left, by +8 clears
        both(0xf3086507, r -> {
            setD(r, 7, 0x0000_0000_0003_0303L);
            setD(r, 8, 0x0000_0000_00FF_0208L);
        }, r -> assertThat(d(r, 6)).isEqualTo(0x0000_0000_0002_0C00L));
        // vpadd.i32 d0, d1, d2: pairs of d1, then of d2
        both(0xf2210b12, r -> {
            setD(r, 1, 2L << 32 | 1);
            setD(r, 2, 20L << 32 | 10);
        }, r -> assertThat(d(r, 0)).isEqualTo(30L << 32 | 3));
        // vqdmulh.s32 d4, d5, d6: MIN * MIN saturates to MAX with QC; 2 * 0x40000000 * 0x40000000 >> 32 = 0x20000000
        both(0xf2254b06, r -> {
            setD(r, 5, 0x8000_0000_4000_0000L);
            setD(r, 6, 0x8000_0000_4000_0000L);
        }, r -> {
            assertThat(d(r, 4)).isEqualTo(0x7FFF_FFFF_2000_0000L);
            assertThat(r.cpu.regs[Arm32Registers.FPSCR] & QC).isEqualTo(QC);
        });
    }

    @Test
    void three_same_float() {
        // vmla.f32 q4, q5, q6 (two roundings): q4 += q5 * q6
        both(0xf20a8d5c, r -> {
            setD(r, 8, f2(1f, 2f));
            setD(r, 9, f2(0f, -1f));
            setD(r, 10, f2(3f, 0.5f));
            setD(r, 11, f2(2f, 4f));
            setD(r, 12, f2(2f, 4f));
            setD(r, 13, f2(1f, 1f));
        }, r -> {
            assertThat(d(r, 8)).isEqualTo(f2(7f, 4f));
            assertThat(d(r, 9)).isEqualTo(f2(2f, 3f));
        });
        // vrecps.f32 d0, d1, d2: 2 - a * b
        both(0xf2010f12, r -> {
            setD(r, 1, f2(0.5f, 3f));
            setD(r, 2, f2(2f, 0.25f));
        }, r -> assertThat(d(r, 0)).isEqualTo(f2(1f, 1.25f)));
        // vcge.f32 d7, d8, d9 with a NaN: false, and IOC (any NaN raises it for GE); FPSCR's DN/FZ/RMode are ignored
        both(0xf3087e09, r -> {
            r.cpu.regs[Arm32Registers.FPSCR] = 3L << 22; // round toward zero: no effect on Advanced SIMD
            setD(r, 8, f2(Float.NaN, 2f));
            setD(r, 9, f2(1f, 2f));
        }, r -> {
            assertThat(d(r, 7)).isEqualTo(0x0000_0000_FFFF_FFFFL);
            assertThat(r.cpu.regs[Arm32Registers.FPSCR]).isEqualTo(3L << 22 | 1);
        });
    }

    @Test
    void modified_immediate_and_permutes() {
        // vmov.i32 q1, #0x00ab0000; vbic.i16 d2, #0xff00
        both(0xf382245b, r -> { }, r -> {
            assertThat(d(r, 2)).isEqualTo(0x00AB_0000_00AB_0000L);
            assertThat(d(r, 3)).isEqualTo(0x00AB_0000_00AB_0000L);
        });
        both(0xf3872b3f, r -> setD(r, 2, -1L), r -> assertThat(d(r, 2)).isEqualTo(0x00FF_00FF_00FF_00FFL));
        // vext.8 d0, d1, d2, #3: bytes 3..7 of d1, then 0..2 of d2
        both(0xf2b10302, r -> {
            setD(r, 1, 0x0706_0504_0302_0100L);
            setD(r, 2, 0x0F0E_0D0C_0B0A_0908L);
        }, r -> assertThat(d(r, 0)).isEqualTo(0x0A09_0807_0605_0403L));
        // vtbl.8 d0, {d1, d2}, d3: indexes 0..15 pick bytes, 16 and up give 0
        both(0xf3b10903, r -> {
            setD(r, 1, 0x0706_0504_0302_0100L);
            setD(r, 2, 0x0F0E_0D0C_0B0A_0908L);
            setD(r, 3, 0xFF10_0F00_0908_0201L);
            setD(r, 0, -1L);
        }, r -> assertThat(d(r, 0)).isEqualTo(0x0000_0F00_0908_0201L));
        // vdup.16 q2, d3[2]
        both(0xf3ba4c43, r -> setD(r, 3, 0x4444_3333_2222_1111L), r -> {
            assertThat(d(r, 4)).isEqualTo(0x3333_3333_3333_3333L);
            assertThat(d(r, 5)).isEqualTo(0x3333_3333_3333_3333L);
        });
    }

    @Test
    void shift_by_immediate() {
        // vshr.s32 d1, d2, #5
        both(0xf2bb1012, r -> setD(r, 2, 0xFFFF_FFC0_0000_0040L), r -> assertThat(d(r, 1)).isEqualTo(0xFFFF_FFFE_0000_0002L));
        // vqrshrn.u32 d0, q1, #4: 0x100008 -> 0x10001 saturates to 0xffff (QC); 0x18 -> 2 (rounded)
        both(0xf39c0952, r -> {
            setD(r, 2, 0x0000_0018_0010_0008L);
            setD(r, 3, 0);
        }, r -> {
            assertThat(d(r, 0)).isEqualTo(0x0000_0000_0002_FFFFL);
            assertThat(r.cpu.regs[Arm32Registers.FPSCR] & QC).isEqualTo(QC);
        });
        // vshll.u8 q2, d3, #3
        both(0xf38b4a13, r -> setD(r, 3, 0x0000_0000_0000_FF01L), r -> {
            assertThat(d(r, 4)).isEqualTo(0x0000_0000_07F8_0008L);
            assertThat(d(r, 5)).isZero();
        });
        // vcvt.s32.f32 d0, d1, #8: 1.5 -> 384, -0.25 -> -64
        both(0xf2b80f11, r -> setD(r, 1, f2(-0.25f, 1.5f)), r -> assertThat(d(r, 0)).isEqualTo(0xFFFF_FFC0_0000_0180L));
    }

    @Test
    void three_different_and_scalar() {
        // vaddl.s8 q0, d2, d3: -1 + -1 = -2 in 16 bits
        both(0xf2820003, r -> {
            setD(r, 2, 0xFFL);
            setD(r, 3, 0xFFL);
        }, r -> {
            assertThat(d(r, 0)).isEqualTo(0xFFFEL);
            assertThat(d(r, 1)).isZero();
        });
        // vmull.p8 q2, d6, d7: 0x03 * 0x03 carry-less = 0x05; 0x80 * 0x80 = 0x4000
        both(0xf2864e07, r -> {
            setD(r, 6, 0x8003L);
            setD(r, 7, 0x8003L);
        }, r -> assertThat(d(r, 4)).isEqualTo(0x4000_0005L));
        // vqdmull.s16 q1, d4, d5: MIN * MIN saturates, QC
        both(0xf2942d05, r -> {
            setD(r, 4, 0x8000L);
            setD(r, 5, 0x8000L);
        }, r -> {
            assertThat(d(r, 2)).isEqualTo(0x7FFF_FFFFL);
            assertThat(r.cpu.regs[Arm32Registers.FPSCR] & QC).isEqualTo(QC);
        });
        // vmla.i16 d0, d1, d2[3]
        both(0xf291006a, r -> {
            setD(r, 0, 0x0001_0001_0001_0001L);
            setD(r, 1, 0x0004_0003_0002_0001L);
            setD(r, 2, 0x0010_0000_0000_0000L);
        }, r -> assertThat(d(r, 0)).isEqualTo(0x0041_0031_0021_0011L));
        // vmul.f32 q0, q1, d4[1]
        both(0xf3a20964, r -> {
            setD(r, 2, f2(1f, 2f));
            setD(r, 3, f2(3f, 4f));
            setD(r, 4, f2(0.5f, 9f));
        }, r -> {
            assertThat(d(r, 0)).isEqualTo(f2(0.5f, 1f));
            assertThat(d(r, 1)).isEqualTo(f2(1.5f, 2f));
        });
    }

    @Test
    void two_registers_misc() {
        // vrev32.8 d0, d1; vcnt.8 d2, d3
        both(0xf3b00081, r -> setD(r, 1, 0x0706_0504_0302_0100L), r -> assertThat(d(r, 0)).isEqualTo(0x0405_0607_0001_0203L));
        both(0xf3b02503, r -> setD(r, 3, 0xFF0F_0301L), r -> assertThat(d(r, 2)).isEqualTo(0x0804_0201L));
        // vzip.16 d4, d5
        both(0xf3b64185, r -> {
            setD(r, 4, 0x0003_0002_0001_0000L);
            setD(r, 5, 0x0013_0012_0011_0010L);
        }, r -> {
            assertThat(d(r, 4)).isEqualTo(0x0011_0001_0010_0000L);
            assertThat(d(r, 5)).isEqualTo(0x0013_0003_0012_0002L);
        });
        // vqmovun.s32 d0, q1: negative -> 0, big -> 0xffff (QC), 5 -> 5
        both(0xf3b60242, r -> {
            setD(r, 2, 0x0001_0000_FFFF_FFFFL);
            setD(r, 3, 5);
        }, r -> assertThat(d(r, 0)).isEqualTo(0x0000_0005_FFFF_0000L));
        // vcvt.f32.f16 q1, d4: 1.0, -2.0
        both(0xf3b62704, r -> setD(r, 4, 0xC000_3C00L), r -> assertThat(d(r, 2)).isEqualTo(f2(-2f, 1f)));
        // vceq.i32 d0, d1, #0
        both(0xf3b90101, r -> setD(r, 1, 7L << 32), r -> assertThat(d(r, 0)).isEqualTo(0xFFFF_FFFFL));
    }

    @Test
    void element_and_structure_loads_and_stores() {
        // vld1.32 {d0, d1}, [r1]!
        both(0xf4210a8d, r -> {
            r.r(1, D);
            for (int i = 0; i < 4; i++) {
                r.poke32(D + 4 * i, 0x1111_1111L * (i + 1));
            }
        }, r -> {
            assertThat(d(r, 0)).isEqualTo(0x2222_2222_1111_1111L);
            assertThat(d(r, 1)).isEqualTo(0x4444_4444_3333_3333L);
            assertThat(r.r(1)).isEqualTo(D + 16);
        });
        // vld2.8 {d2, d3}, [r1], r2: de-interleaves even bytes to d2, odd to d3; r1 += r2
        both(0xf4212802, r -> {
            r.r(1, D).r(2, 100);
            r.poke32(D, 0x0302_0100L).poke32(D + 4, 0x0706_0504L).poke32(D + 8, 0x0B0A_0908L).poke32(D + 12, 0x0F0E_0D0CL);
        }, r -> {
            assertThat(d(r, 2)).isEqualTo(0x0E0C_0A08_0604_0200L);
            assertThat(d(r, 3)).isEqualTo(0x0F0D_0B09_0705_0301L);
            assertThat(r.r(1)).isEqualTo(D + 100);
        });
        // vst3.16 {d4[1], d5[1], d6[1]}, [r1]
        both(0xf481464f, r -> {
            r.r(1, D);
            setD(r, 4, 0xAAAA_0000L);
            setD(r, 5, 0xBBBB_0000L);
            setD(r, 6, 0xCCCC_0000L);
        }, r -> {
            assertThat(r.mem32(D)).isEqualTo(0xBBBB_AAAAL);
            assertThat(r.mem32(D + 4) & 0xFFFF).isEqualTo(0xCCCCL);
        });
        // vld4.8 {d0[], d1[], d2[], d3[]}, [r1]: each byte to every lane of its register
        both(0xf4a10f0f, r -> r.r(1, D).poke32(D, 0x4433_2211L), r -> {
            assertThat(d(r, 0)).isEqualTo(0x1111_1111_1111_1111L);
            assertThat(d(r, 3)).isEqualTo(0x4444_4444_4444_4444L);
        });
    }

    @Test
    void scalar_transfers_with_core_registers() {
        // vmov.u8 r0, d1[5]; vmov.16 d2[1], r3; vdup.8 q3, r4
        both(0xeef10b30, r -> setD(r, 1, 0x0000_F500_0000_0000L), r -> assertThat(r.r(0)).isEqualTo(0xF5));
        both(0xee023b70, r -> {
            r.r(3, 0x1234_5678L);
            setD(r, 2, -1L);
        }, r -> assertThat(d(r, 2)).isEqualTo(0xFFFF_FFFF_5678_FFFFL));
        both(0xeee64b10, r -> r.r(4, 0x1A2B_3C4DL), r -> {
            assertThat(d(r, 6)).isEqualTo(0x4D4D_4D4D_4D4D_4D4DL);
            assertThat(d(r, 7)).isEqualTo(0x4D4D_4D4D_4D4D_4D4DL);
        });
    }

    @Test
    void unallocated_encodings_trap() {
        // vqdmulh with size 00 and a Q form with an odd register are UNDEFINED
        for (int w : new int[] {0xf2054b06, 0xf2130054}) {
            both(w, r -> { }, r -> assertThat(r.trap()).isEqualTo(TrapKind.ILLEGAL_INSTRUCTION));
        }
    }
}
