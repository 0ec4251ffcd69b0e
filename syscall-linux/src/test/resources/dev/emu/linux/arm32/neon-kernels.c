/*
 * Guest program for Arm32NeonProgramTest: gcc's vectorised loops and arm_neon.h intrinsics
 * over several Advanced SIMD groups, plus glibc's string functions (which pick their NEON
 * versions when AT_HWCAP says neon). Prints checksums; build.sh builds it.
 */
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define N 1000
static float a[N], b[N], c[N];
static int32_t x[N], y[N];
static uint8_t p[N], q[N];
static int16_t h[N];

static uint32_t mix(uint32_t s, uint32_t v) {
    return (s ^ v) * 16777619u;
}

int main(void) {
    for (int i = 0; i < N; i++) {
        a[i] = i * 0.37f - 50;
        b[i] = (i % 17) * 1.5f + 0.25f;
        x[i] = i * 7919 - 300000;
        y[i] = (i * 31) % 1000 - 500;
        p[i] = (uint8_t) (i * 13);
        q[i] = (uint8_t) (255 - i * 7);
    }
    for (int r = 0; r < 3; r++) { /* auto-vectorised */
        for (int i = 0; i < N; i++) c[i] = a[i] * b[i] + c[i] * 0.5f;
        for (int i = 0; i < N; i++) x[i] = x[i] * 3 + y[i];
        for (int i = 0; i < N; i++) p[i] = (uint8_t) ((p[i] + q[i] + 1) >> 1);
        for (int i = 0; i < N; i++) h[i] = (int16_t) ((x[i] >> 3) + p[i]);
    }
    double sc = 0;
    long sx = 0, sh = 0;
    unsigned sp = 0;
    for (int i = 0; i < N; i++) {
        sc += c[i];
        sx += x[i];
        sp += p[i] * (i + 1u);
        sh += h[i];
    }
    printf("loops %.3f %ld %u %ld\n", sc, sx, sp, sh);

    uint32_t s = 2166136261u; /* intrinsics: saturation, structures, permutes, estimates */
    for (int i = 0; i + 24 <= N; i += 24) {
        uint8x8x3_t t = vld3_u8(p + i);
        int16x8_t w = vld1q_s16(h + i);
        int16x8_t sat = vqaddq_s16(w, vdupq_n_s16(30000));
        uint8x8x2_t z = vzip_u8(t.val[0], t.val[2]);
        uint8x8_t tb = vtbl2_u8((uint8x8x2_t) {{t.val[1], t.val[2]}}, vand_u8(t.val[0], vdup_n_u8(15)));
        float32x4_t f = vld1q_f32(c + i);
        float32x4_t e = vrecpeq_f32(vaddq_f32(vabsq_f32(f), vdupq_n_f32(1)));
        int32x4_t cv = vcvtq_n_s32_f32(f, 4);
        int32x2_t nx = vqrshrn_n_s64(vmull_s32(vld1_s32(x + i), vld1_s32(y + i)), 9);
        uint8_t out[8];
        int16_t o16[8];
        float of[4];
        int32_t o32[4], o2[2];
        vst1_u8(out, vadd_u8(vadd_u8(z.val[0], z.val[1]), tb));
        vst1q_s16(o16, vshlq_n_s16(sat, 1));
        vst1q_f32(of, e);
        vst1q_s32(o32, cv);
        vst1_s32(o2, nx);
        for (int k = 0; k < 8; k++) s = mix(s, out[k]) , s = mix(s, (uint16_t) o16[k]);
        for (int k = 0; k < 4; k++) { uint32_t u; memcpy(&u, &of[k], 4); s = mix(s, u); s = mix(s, (uint32_t) o32[k]); }
        s = mix(s, (uint32_t) o2[0]);
        s = mix(s, (uint32_t) o2[1]);
    }
    printf("intrinsics %08x\n", s);

    char buf[300], dst[300];
    for (int i = 0; i < 299; i++) buf[i] = (char) ('a' + i % 26);
    buf[299] = 0;
    memcpy(dst + 3, buf + 1, 250);
    dst[253] = 0;
    printf("strings %zu %d %s\n", strlen(buf), memcmp(dst + 3, buf + 1, 250), dst + 240);
    return 0;
}
