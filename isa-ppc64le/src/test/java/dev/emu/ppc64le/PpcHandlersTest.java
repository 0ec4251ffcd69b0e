package dev.emu.ppc64le;

import dev.emu.core.decode.HandlerSwitchSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@link PpcHandlers} is generated from the handler names of the decoder rows; this test
 * regenerates it and fails when the committed file is stale ({@code -Demu.regenerate=true}
 * rewrites it).
 */
class PpcHandlersTest {
    static final Path DIR = Path.of("src/main/java/dev/emu/ppc64le");
    static final HandlerSwitchSource SOURCE = new HandlerSwitchSource("dev.emu.ppc64le", "PpcHandlers", "Handler",
            "void lift(LiftContext c, Fields f)", "c, f", "dev.emu.ppc64le.lift",
            List.of("dev.emu.ppc64le.lift.Handler", "dev.emu.ppc64le.lift.LiftContext", "dev.emu.ppc64le.lift.Fields"),
            "PpcHandlersTest from PpcDecoder and FpVectorRows"
                    + " (mvn test -pl isa-ppc64le -Dtest=PpcHandlersTest -Demu.regenerate=true)");

    static List<String> handlerNames() throws IOException {
        return HandlerSwitchSource.handlersIn(List.of(DIR.resolve("PpcDecoder.java"), DIR.resolve("FpVectorRows.java")));
    }

    @Test
    void generatedHandlersAreCurrent() throws IOException {
        SOURCE.requireCurrent(DIR.resolve("PpcHandlers.java"), handlerNames());
    }
}
