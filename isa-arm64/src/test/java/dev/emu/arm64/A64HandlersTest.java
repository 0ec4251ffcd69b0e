package dev.emu.arm64;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.core.decode.HandlerSwitchSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * {@link A64Handlers} is generated from the handler names of the decode rows; this test
 * regenerates it and fails when the committed file is stale. Run it with
 * {@code -Demu.regenerate=true} to rewrite the file after changing rows.
 */
class A64HandlersTest {
    static final Path DIR = Path.of("src/main/java/dev/emu/arm64");
    static final HandlerSwitchSource SOURCE = new HandlerSwitchSource("dev.emu.arm64", "A64Handlers", "Handler",
            "void lift(LiftContext c, Fields f)", "c, f", "dev.emu.arm64.lift",
            List.of("dev.emu.arm64.lift.Handler", "dev.emu.arm64.lift.LiftContext", "dev.emu.arm64.lift.Fields"),
            "A64HandlersTest from A64Decoder and A64FpSimdRows (mvn test -Dtest=A64HandlersTest -Demu.regenerate=true)");
    private static final Pattern HANDLER = Pattern.compile("\", *\"([A-Za-z0-9_]+::[A-Za-z0-9_]+)\"\\)");

    /** The handler names of the rows, read from the sources (they compile even when A64Handlers is stale). */
    static List<String> handlerNames() throws IOException {
        List<String> out = new ArrayList<>();
        for (String file : List.of("A64Decoder.java", "A64FpSimdRows.java")) {
            Matcher m = HANDLER.matcher(Files.readString(DIR.resolve(file)));
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    @Test
    void generatedHandlersAreCurrent() throws IOException {
        boolean rewrite = Boolean.getBoolean("emu.regenerate");
        assertThat(SOURCE.check(DIR.resolve("A64Handlers.java"), handlerNames(), rewrite))
                .as("A64Handlers.java is stale: run mvn test -pl isa-arm64 -Dtest=A64HandlersTest -Demu.regenerate=true"
                        + (rewrite ? " (rewritten now; rebuild)" : ""))
                .isTrue();
    }

    @Test
    void theTableUsesEveryHandlerTheRowsName() throws IOException {
        List<String> bound = new ArrayList<>();
        for (var e : A64Decoder.TABLE.entries()) {
            bound.add(e.handler().toString());
        }
        assertThat(bound).containsExactlyInAnyOrderElementsOf(handlerNames());
    }
}
