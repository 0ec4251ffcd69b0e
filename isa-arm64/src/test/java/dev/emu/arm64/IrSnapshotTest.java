package dev.emu.arm64;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.core.isa.LiftRequest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The IR of a few representative instructions, as text, so a change to a lifter shows up in
 * review as a diff of {@code ir-snapshots.txt}. After an intended change, regenerate it with
 * {@code -Demu.updateSnapshots=true}.
 */
class IrSnapshotTest {
    private static final int[][] CASES = {
        {0xb100_0420}, // adds x0, x1, #1
        {0x54ff_ffa1}, // b.ne .-12
        {0xa8c1_1845}, // ldp x5, x6, [x2], #16
        {0xc802_7c23}, // stxr w2, x3, [x1]
        {0xf820_0041}, // ldadd x0, x1, [x2]
        {0xd400_0001}, // svc #0
    };

    private static String render() {
        StringBuilder sb = new StringBuilder();
        for (int[] words : CASES) {
            sb.append(String.format("# %08x%n", words[0]));
            sb.append(Arm64Lifter.lift(CodeSource.of(0x1000, words), new LiftRequest(null, 0x1000, 0, 1, -1)));
            sb.append('\n');
        }
        return sb.toString();
    }

    @Test
    void liftedIrMatchesTheSnapshot() throws IOException {
        String actual = render();
        if (Boolean.getBoolean("emu.updateSnapshots")) {
            Path p = Path.of(System.getProperty("emu.repoRoot", "."),
                    "isa-arm64/src/test/resources/dev/emu/arm64/ir-snapshots.txt");
            Files.writeString(p, actual);
            return;
        }
        String expected;
        try (InputStream in = IrSnapshotTest.class.getResourceAsStream("ir-snapshots.txt")) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(expected);
    }
}
