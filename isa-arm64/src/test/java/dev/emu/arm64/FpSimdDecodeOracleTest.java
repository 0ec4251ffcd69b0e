package dev.emu.arm64;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.arm64.lift.Fields;
import dev.emu.arm64.lift.Handler;
import dev.emu.arm64.lift.LiftContext;
import dev.emu.core.decode.DecodeTable;
import dev.emu.core.ir.IrBuilder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The SIMD&FP rows against LLVM's disassembler as an oracle of which encodings are allocated
 * in Armv8.0-A with FP and Advanced SIMD plus DotProd and RDM (no crypto or other extensions): random words inside
 * each row's pattern must lift to code exactly when llvm-mc decodes them. Skipped when
 * llvm-mc is not installed.
 */
class FpSimdDecodeOracleTest {
    private static final Pattern INVALID = Pattern.compile("<stdin>:(\\d+):\\d+: warning: invalid instruction encoding");

    private static boolean mine(DecodeTable.Entry<Handler> e) {
        return e.name().startsWith("SIMD_") || e.name().startsWith("FP_") || e.name().startsWith("CRYPTO_");
    }

    private static boolean lifts(DecodeTable.Entry<Handler> e, int word) {
        if (e == null) {
            return false;
        }
        LiftContext c = new LiftContext(new IrBuilder());
        c.begin(0x1000, word);
        e.handler().lift(c, new Fields(word, e.pattern()));
        return !c.b.isTerminated();
    }

    @Test
    void legalEncodingsMatchLlvm() throws Exception {
        List<Integer> words = new ArrayList<>();
        Random rnd = new Random(11);
        for (DecodeTable.Entry<Handler> e : A64Decoder.TABLE.entries()) {
            if (!mine(e)) {
                continue;
            }
            for (int i = 0; i < 1000; i++) {
                int w = e.pattern().value() | (rnd.nextInt() & ~e.pattern().mask());
                if (A64Decoder.TABLE.lookup(w) == e) {
                    words.add(w);
                }
            }
        }
        // and the whole SIMD&FP data-processing space (op0 = x111) and the structure load/store
        // space (0Q00110x...), where a word without a row must be one LLVM rejects too
        while (words.size() < 60_000) {
            int w = rnd.nextInt();
            int top = w >>> 24;
            if ((w >>> 25 & 7) == 7 || (top & 0xBE) == 0x0C) {
                DecodeTable.Entry<Handler> e = A64Decoder.TABLE.lookup(w);
                if (e == null || mine(e)) {
                    words.add(w);
                }
            }
        }
        Set<Integer> invalid = llvmInvalid(words);
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            int w = words.get(i);
            boolean llvm = !invalid.contains(i);
            DecodeTable.Entry<Handler> e = A64Decoder.TABLE.lookup(w);
            boolean ours = lifts(e, w);
            if (llvm != ours) {
                mismatches.add(String.format("%08x %s: llvm %s, lifter %s", w, e == null ? "(no row)" : e.name(),
                        llvm ? "valid" : "invalid", ours ? "lifts" : "traps"));
            }
        }
        long oursLegal = words.stream().filter(w -> lifts(A64Decoder.TABLE.lookup(w), w)).count();
        System.out.printf("oracle: %d words, llvm rejects %d, lifter traps on %d%n", words.size(), invalid.size(), words.size() - oursLegal);
        mismatches.stream().limit(200).forEach(System.out::println);
        assertThat(mismatches).isEmpty();
    }

    /** Indices of the words llvm-mc rejects. */
    private static Set<Integer> llvmInvalid(List<Integer> words) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("llvm-mc", "--disassemble", "-triple=aarch64", "-mattr=+neon,+fp-armv8,+dotprod,+rdm,+jsconv,+fptoint,+aes,+sha2").start();
        } catch (IOException e) {
            Assumptions.abort("llvm-mc is not installed");
            throw e;
        }
        StringBuilder in = new StringBuilder();
        for (int w : words) {
            in.append(String.format("0x%02x 0x%02x 0x%02x 0x%02x%n", w & 0xFF, w >>> 8 & 0xFF, w >>> 16 & 0xFF, w >>> 24));
        }
        Thread writer = new Thread(() -> {
            try (var out = p.getOutputStream()) {
                out.write(in.toString().getBytes(StandardCharsets.US_ASCII));
            } catch (IOException ignored) {
                // the process died; the assertion below reports it
            }
        });
        writer.start();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread drainOut = drain(p.getInputStream(), new ByteArrayOutputStream());
        Thread drainErr = drain(p.getErrorStream(), err);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        writer.join();
        drainOut.join();
        drainErr.join();
        Set<Integer> bad = new HashSet<>();
        Matcher m = INVALID.matcher(err.toString(StandardCharsets.UTF_8));
        while (m.find()) {
            bad.add(Integer.parseInt(m.group(1)) - 1);
        }
        return bad;
    }

    private static Thread drain(InputStream in, ByteArrayOutputStream to) {
        Thread t = new Thread(() -> {
            try {
                in.transferTo(to);
            } catch (IOException ignored) {
                // end of stream
            }
        });
        t.start();
        return t;
    }
}
