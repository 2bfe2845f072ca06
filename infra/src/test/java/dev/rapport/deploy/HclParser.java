package dev.rapport.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * HashiCorp's own HCL parser, as the npm package {@code @cdktf/hcl2json} (the Go parser compiled to
 * WebAssembly), run with {@code node}. The package is installed once per build with {@code npm ci}
 * from the committed package-lock.json into {@code target/hcl-tools}.
 */
final class HclParser {

    private static final Path SOURCES = Path.of("src/test/node");
    private static final Path TOOLS = Path.of("target/hcl-tools");
    private static final List<String> FILES = List.of("package.json", "package-lock.json", "hcl2json.mjs");
    private static final ObjectMapper JSON = new ObjectMapper();

    private HclParser() {}

    /** Parses the files: the result maps each file name to its content as JSON. */
    static Command parse(List<Path> files) throws IOException, InterruptedException {
        install();
        List<String> command = new ArrayList<>(List.of("node", "hcl2json.mjs"));
        files.forEach(f -> command.add(f.toAbsolutePath().toString()));
        return Command.run(TOOLS, 60, command);
    }

    static JsonNode parseOrFail(List<Path> files) throws IOException, InterruptedException {
        Command parsed = parse(files);
        if (parsed.exitCode() != 0) {
            throw new AssertionError("HCL syntax error: " + parsed.errors());
        }
        return JSON.readTree(parsed.output());
    }

    private static synchronized void install() throws IOException, InterruptedException {
        Files.createDirectories(TOOLS);
        boolean changed = false;
        for (String file : FILES) {
            Path target = TOOLS.resolve(file);
            if (!Files.exists(target) || Files.mismatch(SOURCES.resolve(file), target) >= 0) {
                Files.copy(SOURCES.resolve(file), target, StandardCopyOption.REPLACE_EXISTING);
                changed = true;
            }
        }
        if (changed || !Files.isDirectory(TOOLS.resolve("node_modules/@cdktf/hcl2json"))) {
            List<String> npm = List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
            Command.run(TOOLS, 300, npm).requireSuccess(npm);
        }
    }
}
