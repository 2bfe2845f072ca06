package dev.rapport.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The openAPIV3Schema of the Flink Kubernetes Operator's own CRDs, read from the operator's API
 * jar ({@code META-INF/fabric8/*.yml}), as JSON schemas that validate our manifests.
 *
 * <p>Two deliberate changes, both documented in infra/README.md:
 *
 * <ul>
 *   <li>Unknown fields are errors, as with {@code kubectl apply --validate=strict}: the API server
 *       would otherwise prune a misspelt field silently.
 *   <li>The newest operator API on Maven Central is 1.10.0, whose {@code flinkVersion} enum stops at
 *       {@code v1_20}; the releases that run Flink 2.x (1.13 and later for Flink 2.1) add {@code
 *       v2_0} and {@code v2_1}. Only that enum is widened.
 * </ul>
 */
final class OperatorCrdSchemas {

    static final String OPERATOR_API_VERSION = "v1beta1";
    static final List<String> FLINK_2_VERSIONS = List.of("v2_0", "v2_1");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, String> CRD_FILES = Map.of(
            "FlinkDeployment", "META-INF/fabric8/flinkdeployments.flink.apache.org-v1.yml",
            "FlinkSessionJob", "META-INF/fabric8/flinksessionjobs.flink.apache.org-v1.yml");

    private OperatorCrdSchemas() {}

    static Set<String> kinds() {
        return CRD_FILES.keySet();
    }

    private static final Map<String, JsonSchema> SCHEMAS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The validator of {@code kind} (FlinkDeployment or FlinkSessionJob). */
    static JsonSchema schema(String kind) {
        return SCHEMAS.computeIfAbsent(kind, OperatorCrdSchemas::load);
    }

    private static JsonSchema load(String kind) {
        String resource = CRD_FILES.get(kind);
        if (resource == null) {
            throw new IllegalArgumentException("no operator CRD for kind " + kind);
        }
        JsonNode crd;
        try (InputStream in = OperatorCrdSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        resource + " is not on the test classpath (flink-kubernetes-operator-api)");
            }
            crd = YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!crd.path("spec").path("names").path("kind").asText().equals(kind)) {
            throw new IllegalStateException(resource + " does not define " + kind);
        }
        for (JsonNode version : crd.path("spec").path("versions")) {
            if (version.path("name").asText().equals(OPERATOR_API_VERSION)) {
                ObjectNode schema =
                        version.path("schema").path("openAPIV3Schema").deepCopy();
                // The API server defines these for every object; the CRD leaves them out.
                ObjectNode rootProperties = (ObjectNode) schema.get("properties");
                rootProperties.putObject("apiVersion").put("type", "string");
                rootProperties.putObject("kind").put("type", "string");
                rootProperties.putObject("metadata").put("type", "object");
                strict(schema);
                if (kind.equals("FlinkDeployment")) {
                    ArrayNode versions = (ArrayNode) schema.at("/properties/spec/properties/flinkVersion/enum");
                    FLINK_2_VERSIONS.forEach(versions::add);
                }
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
            }
        }
        throw new IllegalStateException(resource + " has no version " + OPERATOR_API_VERSION);
    }

    static Set<ValidationMessage> validate(JsonNode document) {
        return schema(document.path("kind").asText()).validate(document);
    }

    /** Closes every object schema that lists its properties and does not allow unknown ones. */
    private static void strict(JsonNode schema) {
        if (!(schema instanceof ObjectNode object)) {
            return;
        }
        JsonNode properties = object.get("properties");
        if (properties != null) {
            if (!object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                object.put("additionalProperties", false);
            }
            properties.elements().forEachRemaining(OperatorCrdSchemas::strict);
        }
        strict(object.get("items"));
        strict(object.get("additionalProperties"));
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            JsonNode options = object.get(combinator);
            if (options != null) {
                options.forEach(OperatorCrdSchemas::strict);
            }
        }
    }
}
