package dev.rapport.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Every YAML document under {@code infra/k8s}, parsed, with the file it came from. */
record KubernetesManifests(List<Document> documents) {

    /** The folder of the manifests; tests run with the module folder as working directory. */
    static final Path FOLDER = Path.of("k8s");

    /** kustomize's own file, not a Kubernetes object. */
    static final Path KUSTOMIZATION = Path.of("kustomization.yaml");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    record Document(Path file, ObjectNode node) {
        String kind() {
            return node.path("kind").asText();
        }

        String name() {
            return node.path("metadata").path("name").asText();
        }

        @Override
        public String toString() {
            return file.getFileName() + ": " + kind() + " " + name();
        }
    }

    static KubernetesManifests load() {
        List<Document> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(FOLDER)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith(KUSTOMIZATION))
                    .sorted()
                    .toList()) {
                documents.addAll(parse(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new KubernetesManifests(List.copyOf(documents));
    }

    static List<Document> parse(Path file) throws IOException {
        List<Document> documents = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(file.toFile())) {
            var values = YAML.readValues(parser, JsonNode.class);
            while (values.hasNext()) {
                JsonNode node = values.next();
                if (!(node instanceof ObjectNode object)) {
                    throw new IllegalStateException(file + ": a document is not a mapping: " + node);
                }
                documents.add(new Document(file, object));
            }
        }
        return documents;
    }

    List<Document> ofKind(String kind) {
        return documents.stream().filter(d -> d.kind().equals(kind)).toList();
    }

    Document one(String kind, String name) {
        return documents.stream()
                .filter(d -> d.kind().equals(kind) && d.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name + " in " + FOLDER));
    }
}
