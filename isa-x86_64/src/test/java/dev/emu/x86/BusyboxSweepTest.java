package dev.emu.x86;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.testkit.Fixtures;
import dev.emu.x86.decode.X86Decoder;
import dev.emu.x86.decode.X86Insn;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every instruction of Debian's amd64 busybox, as GNU objdump disassembles it, through the
 * decoder: where the decoder knows the instruction, its length must be objdump's; the
 * instructions it does not know must all belong to extensions CPUID does not claim (MMX,
 * x87, VEX/EVEX, TSX, XSAVE, MOVBE...). Skipped without objdump or the fixture.
 */
class BusyboxSweepTest {
    /** What the core deliberately leaves illegal (see package-info), as objdump names it. */
    private static final java.util.regex.Pattern NOT_CLAIMED = java.util.regex.Pattern.compile(String.join("|",
            "v.*", "k.*",                                                  // VEX/EVEX, AVX-512 masks
            "aes.*", "pclmul.*", "sha.*",                                  // AES-NI, PCLMULQDQ, SHA
            "f.*",                                                          // x87, FXSAVE/FXRSTOR
            "x(save|savec|rstor|getbv|test|begin|end|abort)",              // XSAVE, TSX
            "movbe",
            "sarx|shlx|shrx|bzhi|blsmsk|blsr|blsi|andn|rdssp[dq]|incssp[dq]")); // BMI, CET

    @Test
    void objdumpAndTheDecoderAgreeOnLengths() throws Exception {
        Path bb = Fixtures.findBusybox("amd64").orElse(null);
        Assumptions.assumeTrue(bb != null, "no amd64 busybox fixture");
        Process p;
        try {
            p = new ProcessBuilder("objdump", "-d", "--insn-width=16", bb.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            Assumptions.abort("objdump not available");
            return;
        }
        int decoded = 0;
        int illegal = 0;
        List<String> wrongLength = new ArrayList<>();
        Map<String, Integer> illegalByMnemonic = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split("\t");
                if (f.length < 3 || !f[0].matches("\\s+[0-9a-f]+:")) {
                    continue;
                }
                String hex = f[1].trim().replace(" ", "");
                String asm = f[2].trim();
                if (asm.startsWith("(bad)") || hex.isEmpty()) {
                    continue;
                }
                byte[] bytes = HexFormat.of().parseHex(hex);
                X86Insn i = X86Decoder.decode(ByteSource.of(0, bytes), 0);
                if (i.entry == null) {
                    illegal++;
                    String m = asm.split("\\s+")[0];
                    // MMX forms share their mnemonics with SSE ones: recognised by their registers
                    illegalByMnemonic.merge(asm.contains("%mm") ? "(mmx) " + m : m, 1, Integer::sum);
                } else {
                    decoded++;
                    if (i.length != bytes.length && wrongLength.size() < 20) {
                        wrongLength.add(line + "  -> decoder says " + i.length + " (" + i.name() + ")");
                    }
                }
            }
        }
        p.waitFor();
        System.out.printf("busybox sweep: %d instructions decoded, %d illegal: %s%n", decoded, illegal, illegalByMnemonic);
        assertThat(wrongLength).isEmpty();
        List<String> unexpected = new ArrayList<>();
        illegalByMnemonic.forEach((m, n) -> {
            if (!m.startsWith("(mmx) ") && !NOT_CLAIMED.matcher(m).matches()) {
                unexpected.add(m + " x" + n);
            }
        });
        assertThat(unexpected).isEmpty();
        assertThat(decoded).isGreaterThan(300_000);
    }
}
