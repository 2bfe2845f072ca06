package dev.rapport.config;

import static java.util.Objects.requireNonNull;

import dev.rapport.identity.config.IdentityConfig;
import dev.rapport.ingest.config.SourceConfig;
import dev.rapport.ingest.config.SourceKind;
import dev.rapport.ingest.config.StreamingConfig;
import dev.rapport.metrics.config.MetricsConfig;
import dev.rapport.metrics.feed.FeedConfig;
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
        MetricsConfig metrics,
        StreamingConfig streaming,
        FeedConfig feed) {

    public RapportConfig {
        requireNonNull(feed, "feed is null");
        requireNonNull(file, "file is null");
        requireNonNull(catalog, "catalog is null");
        requireNonNull(identity, "identity is null");
        requireNonNull(metrics, "metrics is null");
        requireNonNull(streaming, "streaming is null");
        sources = List.copyOf(requireNonNull(sources, "sources is null"));
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
    }

    /** A config without a feed section. */
    public RapportConfig(
            Path file,
            CatalogConfig catalog,
            int parallelism,
            List<SourceConfig> sources,
            IdentityConfig identity,
            MetricsConfig metrics,
            StreamingConfig streaming) {
        this(file, catalog, parallelism, sources, identity, metrics, streaming, FeedConfig.defaults());
    }

    /** A config with the streaming defaults (checkpoints beside the file). */
    public RapportConfig(
            Path file,
            CatalogConfig catalog,
            int parallelism,
            List<SourceConfig> sources,
            IdentityConfig identity,
            MetricsConfig metrics) {
        this(file, catalog, parallelism, sources, identity, metrics, StreamingConfig.defaults(file.getParent()));
    }

    /** The same config with one source only (it must exist). */
    public RapportConfig withOnlySource(String name) {
        SourceConfig source = sources.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(file + ": sources: no source named '" + name + "'"));
        return new RapportConfig(file, catalog, parallelism, List.of(source), identity, metrics, streaming, feed);
    }

    /** The same config with the sources of one kind only (customer records or interactions). */
    public RapportConfig withOnlyKind(SourceKind kind) {
        List<SourceConfig> ofKind =
                sources.stream().filter(s -> s.kind() == kind).toList();
        return new RapportConfig(file, catalog, parallelism, ofKind, identity, metrics, streaming, feed);
    }

    /** The file sources, read by the batch ingestion job. */
    public List<SourceConfig> fileSources() {
        return sources.stream().filter(source -> !source.isStream()).toList();
    }

    /** The Kafka sources, read by the streaming ingestion job ({@code rapport ingest --stream}). */
    public List<SourceConfig> streamSources() {
        return sources.stream().filter(SourceConfig::isStream).toList();
    }
}
