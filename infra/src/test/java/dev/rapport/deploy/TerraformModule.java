package dev.rapport.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The {@code infra/terraform} module as HashiCorp's HCL parser sees it, merged across files:
 * blocks by type and name, with expressions kept as their {@code ${...}} source text.
 */
final class TerraformModule {

    static final Path FOLDER = Path.of("terraform");

    private final Map<String, JsonNode> files;

    private TerraformModule(Map<String, JsonNode> files) {
        this.files = files;
    }

    static List<Path> files() throws IOException {
        try (Stream<Path> all = Files.list(FOLDER)) {
            return all.filter(f -> f.toString().endsWith(".tf")).sorted().toList();
        }
    }

    static TerraformModule load() throws IOException, InterruptedException {
        JsonNode parsed = HclParser.parseOrFail(files());
        Map<String, JsonNode> files = new HashMap<>();
        parsed.fields().forEachRemaining(e -> files.put(e.getKey(), e.getValue()));
        return new TerraformModule(files);
    }

    Set<String> fileNames() {
        return files.keySet();
    }

    /** The body of {@code resource "type" "name"}, or of {@code data "type" "name"} with kind "data". */
    JsonNode block(String kind, String type, String name) {
        for (JsonNode file : files.values()) {
            JsonNode blocks = file.path(kind).path(type).path(name);
            if (blocks.isArray() && !blocks.isEmpty()) {
                return blocks.get(0);
            }
        }
        throw new AssertionError("no " + kind + " \"" + type + "\" \"" + name + "\" in " + FOLDER);
    }

    /** The body of {@code variable "name"}. */
    JsonNode variable(String name) {
        for (JsonNode file : files.values()) {
            JsonNode blocks = file.path("variable").path(name);
            if (blocks.isArray() && !blocks.isEmpty()) {
                return blocks.get(0);
            }
        }
        throw new AssertionError("no variable \"" + name + "\" in " + FOLDER);
    }

    JsonNode resource(String type, String name) {
        return block("resource", type, name);
    }

    /** Every resource of {@code type}, by name. */
    Map<String, JsonNode> resources(String type) {
        Map<String, JsonNode> found = new HashMap<>();
        for (JsonNode file : files.values()) {
            file.path("resource")
                    .path(type)
                    .fields()
                    .forEachRemaining(e -> found.put(e.getKey(), e.getValue().get(0)));
        }
        return found;
    }

    /** Names declared by blocks of {@code kind} (variable, output) or, for "locals", local values. */
    Set<String> declared(String kind) {
        Set<String> names = new HashSet<>();
        for (JsonNode file : files.values()) {
            JsonNode node = file.path(kind);
            if (kind.equals("locals")) {
                node.forEach(block -> block.fieldNames().forEachRemaining(names::add));
            } else {
                node.fieldNames().forEachRemaining(names::add);
            }
        }
        return names;
    }

    /** "type.name" of every resource and "data.type.name" of every data source. */
    Set<String> addresses() {
        Set<String> addresses = new HashSet<>();
        for (JsonNode file : files.values()) {
            file.path("resource").fields().forEachRemaining(type -> type.getValue()
                    .fieldNames()
                    .forEachRemaining(name -> addresses.add(type.getKey() + "." + name)));
            file.path("data").fields().forEachRemaining(type -> type.getValue()
                    .fieldNames()
                    .forEachRemaining(name -> addresses.add("data." + type.getKey() + "." + name)));
        }
        return addresses;
    }

    JsonNode terraformSettings() {
        for (JsonNode file : files.values()) {
            if (file.has("terraform")) {
                return file.path("terraform").get(0);
            }
        }
        throw new AssertionError("no terraform block");
    }

    /** Every string in the module (attribute values and expressions). */
    List<String> strings() {
        List<String> strings = new ArrayList<>();
        files.values().forEach(f -> collect(f, strings));
        return strings;
    }

    static void collect(JsonNode node, List<String> strings) {
        if (node.isTextual()) {
            strings.add(node.asText());
        }
        node.forEach(child -> collect(child, strings));
    }
}
