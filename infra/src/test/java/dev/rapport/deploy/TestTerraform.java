package dev.rapport.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code infra/terraform}, parsed by HashiCorp's own HCL parser: syntax, references that resolve,
 * a bucket that is encrypted, versioned, private and cleaned up, and a least-privilege role.
 * Nothing here talks to AWS: {@code terraform plan} and {@code apply} are not run (see
 * infra/README.md).
 */
class TestTerraform {

    private static final String BUCKET = "aws_s3_bucket.warehouse";
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{(.*)}", Pattern.DOTALL);
    private static final Pattern VAR = Pattern.compile("\\bvar\\.([a-z0-9_]+)");
    private static final Pattern LOCAL = Pattern.compile("\\blocal\\.([a-z0-9_]+)");
    private static final Pattern DATA = Pattern.compile("\\bdata\\.([a-z0-9_]+)\\.([a-z0-9_]+)");
    private static final Pattern RESOURCE = Pattern.compile("(?<![.\\w])(aws_[a-z0-9_]+)\\.([a-z0-9_]+)");

    private static TerraformModule module;

    @BeforeAll
    static void parse() throws Exception {
        module = TerraformModule.load();
    }

    @Test
    void everyFileParses() throws IOException {
        assertThat(module.fileNames())
                .containsExactlyInAnyOrderElementsOf(TerraformModule.files().stream()
                        .map(f -> f.getFileName().toString())
                        .toList())
                .contains("versions.tf", "variables.tf", "storage.tf", "iam.tf", "glue.tf", "outputs.tf");
    }

    @Test
    void theParserRejectsBrokenHcl(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.tf");
        Files.writeString(broken, "resource \"aws_s3_bucket\" \"x\" {\n  bucket = \n}\n");

        Command parsed = HclParser.parse(List.of(broken));

        assertThat(parsed.exitCode()).isNotZero();
        assertThat(parsed.errors()).contains("broken.tf:2");
    }

    @Test
    void everyReferenceResolves() {
        Set<String> variables = module.declared("variable");
        Set<String> locals = module.declared("locals");
        Set<String> addresses = module.addresses();
        Set<String> unresolved = new TreeSet<>();
        for (String text : module.strings()) {
            Matcher expression = EXPRESSION.matcher(text);
            if (!expression.find()) {
                continue;
            }
            String code = expression.group(1);
            VAR.matcher(code)
                    .results()
                    .map(m -> m.group(1))
                    .filter(v -> !variables.contains(v))
                    .forEach(v -> unresolved.add("var." + v));
            LOCAL.matcher(code)
                    .results()
                    .map(m -> m.group(1))
                    .filter(l -> !locals.contains(l))
                    .forEach(l -> unresolved.add("local." + l));
            DATA.matcher(code)
                    .results()
                    .map(m -> "data." + m.group(1) + "." + m.group(2))
                    .filter(a -> !addresses.contains(a))
                    .forEach(unresolved::add);
            RESOURCE.matcher(code)
                    .results()
                    .map(m -> m.group(1) + "." + m.group(2))
                    .filter(a -> !addresses.contains(a))
                    .forEach(unresolved::add);
        }
        assertThat(unresolved).isEmpty();
        assertThat(variables).contains("bucket_name", "region", "eks_oidc_provider_arn");
    }

    @Test
    void theAwsProviderAndTerraformArePinned() {
        JsonNode settings = module.terraformSettings();
        JsonNode aws = settings.path("required_providers").get(0).path("aws");
        assertThat(aws.path("source").asText()).isEqualTo("hashicorp/aws");
        // "~> 5.82.0" allows patch releases only; a bare ">=" would not be a pin.
        assertThat(aws.path("version").asText()).matches("(~> \\d+\\.\\d+\\.\\d+|= ?\\d+\\.\\d+\\.\\d+)");
        assertThat(settings.path("required_version").asText()).contains(">=").contains("<");
    }

    @Test
    void theBucketIsEncryptedVersionedPrivateAndCleanedUp() {
        JsonNode encryption = module.resource("aws_s3_bucket_server_side_encryption_configuration", "warehouse");
        assertThat(encryption.path("bucket").asText()).contains(BUCKET);
        JsonNode byDefault = encryption
                .path("rule")
                .get(0)
                .path("apply_server_side_encryption_by_default")
                .get(0);
        assertThat(byDefault.path("sse_algorithm").asText()).isIn("aws:kms", "AES256");

        JsonNode versioning = module.resource("aws_s3_bucket_versioning", "warehouse");
        assertThat(versioning.path("bucket").asText()).contains(BUCKET);
        assertThat(versioning.at("/versioning_configuration/0/status").asText()).isEqualTo("Enabled");

        JsonNode publicAccess = module.resource("aws_s3_bucket_public_access_block", "warehouse");
        assertThat(publicAccess.path("bucket").asText()).contains(BUCKET);
        for (String setting :
                List.of("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets")) {
            assertThat(publicAccess.path(setting).asBoolean(false)).as(setting).isTrue();
        }

        JsonNode lifecycle = module.resource("aws_s3_bucket_lifecycle_configuration", "warehouse");
        assertThat(lifecycle.path("bucket").asText()).contains(BUCKET);
        boolean expiresNoncurrent = false;
        boolean abortsMultipart = false;
        for (JsonNode rule : lifecycle.path("rule")) {
            if (!rule.path("status").asText().equals("Enabled")) {
                continue;
            }
            expiresNoncurrent |= rule.at("/noncurrent_version_expiration/0").has("noncurrent_days");
            abortsMultipart |= rule.at("/abort_incomplete_multipart_upload/0").has("days_after_initiation");
        }
        assertThat(expiresNoncurrent).as("a rule expiring non-current versions").isTrue();
        assertThat(abortsMultipart)
                .as("a rule aborting incomplete multipart uploads")
                .isTrue();
    }

    @Test
    void theFlinkRoleHasNoWildcardActionsOrResources() {
        JsonNode attachment = module.resource("aws_iam_role_policy", "flink_access");
        assertThat(attachment.path("role").asText()).contains("aws_iam_role.flink.");
        Matcher document = Pattern.compile("data\\.aws_iam_policy_document\\.([a-z0-9_]+)\\.json")
                .matcher(attachment.path("policy").asText());
        assertThat(document.find())
                .as("the role policy is an aws_iam_policy_document")
                .isTrue();
        JsonNode policy = module.block("data", "aws_iam_policy_document", document.group(1));

        List<String> actions = new ArrayList<>();
        List<String> resources = new ArrayList<>();
        for (JsonNode statement : policy.path("statement")) {
            assertThat(statement.path("effect").asText("Allow")).isEqualTo("Allow");
            assertThat(statement.has("not_actions") || statement.has("not_resources"))
                    .isFalse();
            statement.path("actions").forEach(a -> actions.add(a.asText()));
            JsonNode statementResources = statement.path("resources");
            if (statementResources.isTextual()) {
                resources.add(statementResources.asText()); // a for expression over the prefixes
            } else {
                statementResources.forEach(r -> resources.add(r.asText()));
            }
        }
        assertThat(actions).isNotEmpty().noneMatch(a -> a.contains("*"));
        assertThat(actions.stream().filter(a -> a.startsWith("s3:")))
                .allMatch(a -> a.matches("s3:(Get|Put|Delete)Object|s3:ListBucket|s3:AbortMultipartUpload"
                        + "|s3:ListMultipartUploadParts"));
        assertThat(actions).allMatch(a -> a.startsWith("s3:") || a.startsWith("glue:") || a.startsWith("kms:"));
        assertThat(resources).isNotEmpty().noneMatch(r -> r.equals("*") || r.startsWith("arn:aws:s3:::*"));
        // Each resource is the bucket (or a prefix of it), its key, or the one Glue database.
        assertThat(resources)
                .allMatch(r -> r.contains(BUCKET) || r.contains("aws_kms_key.warehouse") || r.contains("local.glue_"));
        assertThat(resources.stream().filter(r -> r.contains(BUCKET) && r.contains("/")))
                .allMatch(r -> r.contains("local.prefixes") || r.contains("var.warehouse_prefix"));
    }

    @Test
    void theRoleIsAssumedOnlyByTheFlinkServiceAccountOfTheManifests() {
        JsonNode trust = module.block("data", "aws_iam_policy_document", "flink_trust");
        JsonNode statement = trust.path("statement").get(0);
        assertThat(statement.path("actions").get(0).asText()).isEqualTo("sts:AssumeRoleWithWebIdentity");
        assertThat(statement.toString())
                .contains("system:serviceaccount:${var.kubernetes_namespace}:${var.kubernetes_service_account}");

        KubernetesManifests manifests = KubernetesManifests.load();
        JsonNode serviceAccount =
                manifests.one("ServiceAccount", "rapport-flink").node();
        assertThat(defaultOf("kubernetes_service_account"))
                .isEqualTo(serviceAccount.at("/metadata/name").asText());
        assertThat(defaultOf("kubernetes_namespace"))
                .isEqualTo(serviceAccount.at("/metadata/namespace").asText());
    }

    @Test
    void thePrefixesMatchThePathsInTheManifests() {
        KubernetesManifests manifests = KubernetesManifests.load();
        String rapportYaml = manifests
                .one("ConfigMap", "rapport-config")
                .node()
                .at("/data/rapport.yaml")
                .asText();
        String checkpoints = manifests
                .one("FlinkDeployment", "rapport-session")
                .node()
                .at("/spec/flinkConfiguration")
                .path("execution.checkpointing.dir")
                .asText();
        assertThat(rapportYaml).contains("/" + defaultOf("warehouse_prefix") + "\"");
        assertThat(checkpoints).matches("s3://[^/]+/" + defaultOf("flink_prefix") + "/.+");
        assertThat(module.declared("output")).contains("flink_role_arn", "warehouse_uri", "flink_state_uri");
    }

    private static String defaultOf(String variable) {
        return module.variable(variable).path("default").asText();
    }
}
