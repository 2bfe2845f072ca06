package dev.rapport.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a program to its end (bounded), with its output and errors captured apart. */
record Command(int exitCode, String output, String errors) {

    static Command run(Path workingDirectory, long timeoutSeconds, List<String> command)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("rapport-command", ".out");
        Path err = Files.createTempFile("rapport-command", ".err");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not end within " + timeoutSeconds + " s");
            }
            return new Command(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    Command requireSuccess(List<String> command) {
        if (exitCode != 0) {
            throw new IllegalStateException(command + " exited with " + exitCode + ": " + errors + output);
        }
        return this;
    }
}
