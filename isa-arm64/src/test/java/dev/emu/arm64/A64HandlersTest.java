package dev.emu.arm64;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emu.core.decode.HandlerSwitchSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
            "A64HandlersTest from A64Decoder and A64FpSimdRows (mvn test -pl isa-arm64 -Dtest=A64HandlersTest -Demu.regenerate=true)");

    /** The handler names of the rows, read from the sources (they compile even when A64Handlers is stale). */
    static List<String> handlerNames() throws IOException {
        return HandlerSwitchSource.handlersIn(List.of(DIR.resolve("A64Decoder.java"), DIR.resolve("A64FpSimdRows.java")));
    }

    @Test
    void generatedHandlersAreCurrent() throws IOException {
        SOURCE.requireCurrent(DIR.resolve("A64Handlers.java"), handlerNames());
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
