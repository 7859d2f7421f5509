package io.weir.cli.migrate;

import java.nio.file.Path;

/**
 * A place in a source file that {@code weir migrate} could not rewrite by itself, with what to do
 * there. Printed as {@code file:line: message}, the form editors and build tools link to.
 */
public record Finding(Path file, int line, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
