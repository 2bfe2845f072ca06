package dev.rapport.config;

import static java.util.Objects.requireNonNull;

import dev.rapport.identity.config.IdentityConfig;
import dev.rapport.ingest.config.SourceConfig;
import dev.rapport.metrics.config.MetricsConfig;
import dev.rapport.schemas.table.CatalogConfig;
import java.nio.file.Path;
import java.util.List;

/** A whole, validated {@code rapport.yaml}: built once by {@link RapportConfigLoader}, then only read. */
public record RapportConfig(
        Path file,
        CatalogConfig catalog,
        int parallelism,
        List<SourceConfig> sources,
        IdentityConfig identity,
        MetricsConfig metrics) {

    public RapportConfig {
        requireNonNull(file, "file is null");
        requireNonNull(catalog, "catalog is null");
        requireNonNull(identity, "identity is null");
        requireNonNull(metrics, "metrics is null");
        sources = List.copyOf(requireNonNull(sources, "sources is null"));
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
    }
}
