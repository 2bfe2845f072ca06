package dev.rapport.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import dev.rapport.config.ConfigFileException;
import dev.rapport.config.RapportConfig;
import dev.rapport.config.RapportConfigLoader;
import dev.rapport.deploy.KubernetesManifests.Document;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manifests under {@code infra/k8s}: every document parses, the operator's resources validate
 * against the operator's own CRD schemas, the Flink settings are real Flink options with values
 * Flink can parse, and the {@code rapport.yaml} in the ConfigMap loads with Rapport's loader.
 */
class TestKubernetesManifests {

    private static final KubernetesManifests MANIFESTS = KubernetesManifests.load();
    private static final String CONFIG_PATH = "/opt/rapport/rapport.yaml";
    private static final String SESSION = "rapport-session";

    @Test
    void everyDocumentHasApiVersionKindAndName() {
        assertThat(MANIFESTS.documents()).hasSizeGreaterThanOrEqualTo(8);
        for (Document document : MANIFESTS.documents()) {
            assertThat(document.node().path("apiVersion").asText())
                    .as(document.toString())
                    .isNotBlank();
            assertThat(document.kind()).as(document.toString()).isNotBlank();
            assertThat(document.name()).as(document.toString()).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
        }
    }

    @Test
    void kustomizationListsEveryManifestAndOnlyExistingOnes() throws IOException {
        JsonNode kustomization = KubernetesManifests.parse(KubernetesManifests.FOLDER.resolve("kustomization.yaml"))
                .get(0)
                .node();
        Set<String> listed = new TreeSet<>();
        kustomization.path("resources").forEach(r -> listed.add(r.asText()));
        Set<String> files;
        try (Stream<Path> all = Files.list(KubernetesManifests.FOLDER)) {
            files = all.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(listed).isEqualTo(files);
    }

    @Test
    void operatorResourcesValidateAgainstTheOperatorsCrdSchemas() {
        List<Document> operatorDocuments = MANIFESTS.documents().stream()
                .filter(d -> OperatorCrdSchemas.kinds().contains(d.kind()))
                .toList();
        assertThat(operatorDocuments).extracting(Document::kind).contains("FlinkDeployment", "FlinkSessionJob");
        for (Document document : operatorDocuments) {
            assertThat(document.node().path("apiVersion").asText())
                    .isEqualTo("flink.apache.org/" + OperatorCrdSchemas.OPERATOR_API_VERSION);
            assertThat(OperatorCrdSchemas.validate(document.node()))
                    .as(document.toString())
                    .isEmpty();
        }
    }

    @Test
    void theSchemaRejectsMisspeltFieldsAndWrongTypes() {
        ObjectNode deployment = MANIFESTS.one("FlinkDeployment", SESSION).node().deepCopy();
        ((ObjectNode) deployment.path("spec"))
                .set("taskManagr", deployment.path("spec").path("taskManager"));
        ((ObjectNode) deployment.path("spec").path("jobManager")).put("replicas", "one");
        ((ObjectNode) deployment.path("spec")).put("flinkVersion", "v9_9");

        Set<ValidationMessage> errors = OperatorCrdSchemas.validate(deployment);

        assertThat(errors).extracting(ValidationMessage::getMessage).anySatisfy(m -> assertThat(m)
                .contains("taskManagr"));
        assertThat(errors).extracting(ValidationMessage::getMessage).anySatisfy(m -> assertThat(m)
                .contains("replicas"));
        assertThat(errors).extracting(ValidationMessage::getMessage).anySatisfy(m -> assertThat(m)
                .contains("flinkVersion"));
    }

    @Test
    void sessionJobsRunEachStageOfTheJarOnTheSessionCluster() {
        List<Document> jobs = MANIFESTS.ofKind("FlinkSessionJob");
        List<String> stages = new ArrayList<>();
        for (Document job : jobs) {
            JsonNode spec = job.node().path("spec");
            assertThat(spec.path("deploymentName").asText()).as(job.toString()).isEqualTo(SESSION);
            assertThat(spec.path("job").path("entryClass").asText()).isEqualTo("dev.rapport.cli.RapportCommand");
            List<String> args = new ArrayList<>();
            spec.path("job").path("args").forEach(a -> args.add(a.asText()));
            assertThat(args).as(job.toString()).hasSize(3).containsSubsequence("--config", CONFIG_PATH);
            stages.add(args.get(0));
            assertThat(URI.create(spec.path("job").path("jarURI").asText()).getScheme())
                    .isIn("https", "http", "s3");
        }
        assertThat(stages).containsExactly("ingest", "resolve", "metrics");
        MANIFESTS.one("FlinkDeployment", SESSION);
    }

    @Test
    void flinkSettingsAreRealFlinkOptionsWithParsableValues() {
        JsonNode flinkConfiguration =
                MANIFESTS.one("FlinkDeployment", SESSION).node().path("spec").path("flinkConfiguration");
        Map<String, ConfigOption<?>> known = FlinkConfigOptions.byKey();
        assertThat(known).containsKeys("execution.checkpointing.dir", "high-availability.type");

        Map<String, String> settings = new java.util.LinkedHashMap<>();
        flinkConfiguration
                .fields()
                .forEachRemaining(e -> settings.put(e.getKey(), e.getValue().asText()));
        Configuration configuration = Configuration.fromMap(settings);
        List<String> unknown = new ArrayList<>();
        for (String key : settings.keySet()) {
            ConfigOption<?> option = known.get(key);
            if (option != null) {
                // Throws IllegalArgumentException when Flink cannot parse the value.
                assertThat(configuration.get(option)).as(key).isNotNull();
            } else if (!key.startsWith("metrics.reporter.prom.")
                    && !key.startsWith("kubernetes.operator.")
                    && !key.equals("high-availability.storageDir")) {
                unknown.add(key);
            }
        }
        assertThat(unknown).as("keys that no Flink option declares").isEmpty();
        assertThat(settings)
                .containsEntry("high-availability.type", "kubernetes")
                .containsEntry(
                        "metrics.reporter.prom.factory.class",
                        "org.apache.flink.metrics.prometheus.PrometheusReporterFactory")
                .containsEntry("metrics.reporter.prom.port", "9249");
        for (String key : List.of(
                "execution.checkpointing.dir",
                "execution.checkpointing.savepoint-dir",
                "high-availability.storageDir")) {
            assertThat(settings.get(key)).as(key).startsWith("s3://rapport-lake/");
        }
    }

    @Test
    void podsGetTheConfigTheSecretAndTheRoleButNoInlineCredentials() throws IOException {
        JsonNode pod =
                MANIFESTS.one("FlinkDeployment", SESSION).node().path("spec").path("podTemplate");
        JsonNode container = pod.path("spec").path("containers").get(0);
        assertThat(container.path("name").asText()).isEqualTo("flink-main-container");

        JsonNode password = envVar(container, "RAPPORT_CATALOG_PASSWORD");
        assertThat(password.has("value")).as("the password must not be inline").isFalse();
        assertThat(password.at("/valueFrom/secretKeyRef/name").asText()).isEqualTo("rapport-catalog");

        JsonNode mount = null;
        for (JsonNode m : container.path("volumeMounts")) {
            if (m.path("mountPath").asText().equals(CONFIG_PATH)) {
                mount = m;
            }
        }
        assertThat(mount).as("a volume mounted at " + CONFIG_PATH).isNotNull();
        String volume = mount.path("name").asText();
        JsonNode configMapVolume = null;
        for (JsonNode v : pod.path("spec").path("volumes")) {
            if (v.path("name").asText().equals(volume)) {
                configMapVolume = v.path("configMap");
            }
        }
        assertThat(configMapVolume.path("name").asText()).isEqualTo("rapport-config");
        MANIFESTS.one("ConfigMap", "rapport-config");

        String serviceAccount = MANIFESTS
                .one("FlinkDeployment", SESSION)
                .node()
                .at("/spec/serviceAccount")
                .asText();
        JsonNode annotations =
                MANIFESTS.one("ServiceAccount", serviceAccount).node().at("/metadata/annotations");
        assertThat(annotations.path("eks.amazonaws.com/role-arn").asText()).matches("arn:aws:iam::\\d{12}:role/.+");

        try (Stream<Path> files = Files.list(KubernetesManifests.FOLDER)) {
            for (Path file : files.toList()) {
                assertThat(Files.readString(file))
                        .as(file.toString())
                        .doesNotContainIgnoringCase("aws_secret_access_key")
                        .doesNotContainIgnoringCase("secretKey:")
                        .doesNotContainPattern("AKIA[0-9A-Z]{16}");
            }
        }
    }

    @Test
    void theConfigMapsRapportYamlLoadsWithRapportsOwnLoader(@TempDir Path dir) throws IOException {
        Path config = writeConfigMapTo(dir);

        RapportConfig loaded = RapportConfigLoader.load(config, Map.of("RAPPORT_CATALOG_PASSWORD", "from-the-secret"));

        assertThat(loaded.catalog().type()).isEqualTo("jdbc");
        assertThat(loaded.catalog().uri()).startsWith("jdbc:postgresql://");
        assertThat(loaded.catalog().warehouse()).isEqualTo("s3://rapport-lake/warehouse");
        assertThat(loaded.catalog().properties()).containsEntry("jdbc.password", "from-the-secret");
        assertThat(loaded.sources()).extracting(s -> s.name()).containsExactly("crm", "surveys");
    }

    @Test
    void theConfigMapsRapportYamlNeedsThePasswordFromTheEnvironment(@TempDir Path dir) throws IOException {
        Path config = writeConfigMapTo(dir);

        assertThatThrownBy(() -> RapportConfigLoader.load(config, Map.of()))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageContaining("RAPPORT_CATALOG_PASSWORD");
    }

    /** Writes the ConfigMap's rapport.yaml and, beside it, one export per source with its header. */
    private static Path writeConfigMapTo(Path dir) throws IOException {
        String yaml = MANIFESTS
                .one("ConfigMap", "rapport-config")
                .node()
                .path("data")
                .path("rapport.yaml")
                .asText();
        Path config = dir.resolve("rapport.yaml");
        Files.writeString(config, yaml);
        Files.createDirectories(dir.resolve("exports/crm"));
        Files.writeString(
                dir.resolve("exports/crm/contacts.csv"),
                "Id,FirstName,LastName,Email,Phone,MailingCity,MailingCountry,CreatedDate,LastModifiedDate\n");
        Files.createDirectories(dir.resolve("exports/surveys"));
        Files.writeString(
                dir.resolve("exports/surveys/responses.csv"),
                "response_id,survey,score,touchpoint,channel,submitted_at,respondent_email,contact_id,language,comment\n");
        return config;
    }

    private static JsonNode envVar(JsonNode container, String name) {
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asText().equals(name)) {
                return env;
            }
        }
        throw new AssertionError("no environment variable " + name);
    }
}
