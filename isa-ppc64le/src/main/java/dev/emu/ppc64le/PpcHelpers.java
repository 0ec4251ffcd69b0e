package dev.emu.ppc64le;

import dev.emu.core.mem.GuestFault;

import java.math.BigInteger;

/**
 * Static helpers the lifters call for what IR should not spell out, shared by the interpreter
 * and generated code: 128-bit multiply-add and divide, the time base, alignment checks.
 */
public final class PpcHelpers {
    private PpcHelpers() {}

    /** The time base frequency Linux reports for POWER8/9 (/proc/cpuinfo "timebase"). */
    public static final long TIMEBASE_HZ = 512_000_000L;

    /** mftb: the host's monotonic clock in ticks of {@link #TIMEBASE_HZ} (one tick per 1.953 ns). */
    public static long timeBase() {
        long ns = System.nanoTime();
        return ns / 125 * 64 + ns % 125 * 64 / 125; // ns * 512 / 1000 without overflowing
    }

    /** High doubleword of the signed 128-bit (a * b + c), c sign-extended (maddhd). */
    public static long maddhd(long a, long b, long c) {
        long lo = a * b;
        long hi = Math.multiplyHigh(a, b);
        long sum = lo + c;
        long carry = Long.compareUnsigned(sum, lo) < 0 ? 1 : 0;
        return hi + carry + (c >> 63);
    }

    /** High doubleword of the unsigned 128-bit (a * b + c) (maddhdu). */
    public static long maddhdu(long a, long b, long c) {
        long lo = a * b;
        long hi = Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
        long sum = lo + c;
        long carry = Long.compareUnsigned(sum, lo) < 0 ? 1 : 0;
        return hi + carry;
    }

    public static final int DIVWE = 0, DIVWEU = 1, DIVDE = 2, DIVDEU = 3;

    /** Whether the extended divide of {@code kind} has no defined quotient: OV and OV32. */
    public static int extendedDivideOverflows(long ra, long rb, int kind) {
        return switch (kind) {
            case DIVWE -> divweOverflows(ra, rb) ? 1 : 0;
            case DIVWEU -> divweuOverflows(ra, rb) ? 1 : 0;
            case DIVDE -> divdeQuotient(ra, rb) == null ? 1 : 0;
            default -> divdeuQuotient(ra, rb) == null ? 1 : 0;
        };
    }

    private static boolean divweOverflows(long ra, long rb) {
        long dividend = ra << 32;
        long divisor = (int) rb;
        if (divisor == 0 || divisor == -1 && dividend == Long.MIN_VALUE) {
            return true;
        }
        long q = dividend / divisor;
        return q != (int) q;
    }

    /** divwe: (RA[32:63] || 0x00000000) / RB[32:63] signed; 0 when undefined; sign-extended. */
    public static long divwe(long ra, long rb) {
        return divweOverflows(ra, rb) ? 0 : (int) ((ra << 32) / (int) rb);
    }

    private static boolean divweuOverflows(long ra, long rb) {
        long divisor = rb & 0xFFFF_FFFFL;
        return divisor == 0 || Long.compareUnsigned(Long.divideUnsigned(ra << 32, divisor), 0xFFFF_FFFFL) > 0;
    }

    /** divweu: (RA[32:63] || 0x00000000) / RB[32:63] unsigned; 0 when undefined. */
    public static long divweu(long ra, long rb) {
        return divweuOverflows(ra, rb) ? 0 : Long.divideUnsigned(ra << 32, rb & 0xFFFF_FFFFL);
    }

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private static BigInteger unsigned(long v) {
        BigInteger b = BigInteger.valueOf(v);
        return v < 0 ? b.add(TWO_64) : b;
    }

    /**
     * (RA || 0^64) / RB signed, or null when the manual leaves it undefined. QEMU calls it
     * undefined only for a zero divisor or |RA| >= |RB| and otherwise returns the low 64 bits of
     * the quotient, even the few that do not fit (|RA| < |RB| keeps the quotient below 2^64 in
     * magnitude); the differential tests compare with it, so this does the same.
     */
    private static Long divdeQuotient(long ra, long rb) {
        if (rb == 0 || Long.compareUnsigned(Math.abs(ra), Math.abs(rb)) >= 0) {
            return null;
        }
        return BigInteger.valueOf(ra).shiftLeft(64).divide(BigInteger.valueOf(rb)).longValue();
    }

    /** (RA || 0^64) / RB unsigned, or null when it does not fit (RA >= RB) or RB is zero. */
    private static Long divdeuQuotient(long ra, long rb) {
        if (rb == 0 || Long.compareUnsigned(ra, rb) >= 0) {
            return null;
        }
        return unsigned(ra).shiftLeft(64).divide(unsigned(rb)).longValue();
    }

    public static long divde(long ra, long rb) {
        Long q = divdeQuotient(ra, rb);
        return q == null ? 0 : q;
    }

    public static long divdeu(long ra, long rb) {
        Long q = divdeuQuotient(ra, rb);
        return q == null ? 0 : q;
    }

    /**
     * {@code addr} if it is a multiple of {@code size}; otherwise the alignment interrupt Linux
     * turns into SIGBUS (lwarx/stwcx. and friends require natural alignment).
     */
    public static long checkAligned(long addr, int size, int write) {
        if ((addr & (size - 1)) != 0) {
            throw new GuestFault(addr, write != 0 ? GuestFault.Access.WRITE : GuestFault.Access.READ,
                    GuestFault.Reason.ALIGNMENT);
        }
        return addr;
    }

    /**
     * bpermd: for each byte i of {@code rs} (byte 0 the most significant), the bit of {@code rb}
     * it indexes (bit 0 the most significant; an index of 64 or more gives 0), gathered into the
     * low byte with byte 0's bit as bit 7.
     */
    public static long bpermd(long rs, long rb) {
        long r = 0;
        for (int i = 0; i < 8; i++) {
            int index = (int) (rs >>> (56 - 8 * i)) & 0xFF;
            long bit = index < 64 ? (rb >>> (63 - index)) & 1 : 0;
            r |= bit << (7 - i);
        }
        return r;
    }

    /**
     * The alignment interrupt that load/store multiple and string instructions cause in
     * Little-Endian mode: SIGBUS at {@code ea}, as the kernel and QEMU deliver it.
     */
    public static long littleEndianAlignmentFault(long ea, int write) {
        throw new GuestFault(ea, write != 0 ? GuestFault.Access.WRITE : GuestFault.Access.READ,
                GuestFault.Reason.ALIGNMENT);
    }
}
