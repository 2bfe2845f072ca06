package dev.rapport.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.config.RapportConfig;
import dev.rapport.config.RapportConfigLoader;
import dev.rapport.generate.CompanyGenerator;
import dev.rapport.generate.GeneratedSources;
import dev.rapport.generate.GeneratorConfig;
import dev.rapport.identity.job.IdentityReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code identity.incremental: true} makes every scheduled resolution ({@code rapport run},
 * {@code rapport resolve}, the Airflow DAG's task) incremental: the first run, with nothing to
 * continue, resolves everything and says why; the next ones match only what changed.
 */
class IncrementalResolveConfigIT {

    @Test
    void identityIncrementalMakesScheduledResolutionsIncremental(@TempDir Path dir) throws Exception {
        new CompanyGenerator(new GeneratorConfig(150, 11, dir.resolve("data"))).generate();
        Path file = dir.resolve("rapport.yaml");
        Files.writeString(
                file, "parallelism: 2\n" + GeneratedSources.sourcesYaml("data") + "identity:\n  incremental: true\n");
        RapportConfig config = RapportConfigLoader.load(file, Map.of());
        assertThat(config.identity().incremental()).isTrue();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Pipeline pipeline =
                new Pipeline(config, new Console(new PrintStream(output, true, StandardCharsets.UTF_8), false));
        pipeline.ingest();

        IdentityReport first = pipeline.resolve();
        IdentityReport second = pipeline.resolve();

        assertThat(first.mode()).isEqualTo(IdentityReport.FULL);
        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains("incremental resolution not possible (no previous run to continue)");
        assertThat(second.mode()).isEqualTo(IdentityReport.INCREMENTAL);
        assertThat(second.records()).isEqualTo(first.records()).isPositive();
        assertThat(second.changedRecords()).isZero();
        assertThat(second.comparisons()).isZero();
        assertThat(second.customers()).isEqualTo(first.customers());
    }
}
