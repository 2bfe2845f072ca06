package dev.rapport.cli;

import dev.rapport.runtime.Console;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "feed",
        mixinStandardHelpOptions = true,
        description = {
            "Builds feeds.personalization (one row per customer: traits, segments, consent and a next best action"
                    + " with its reason) and feeds.survey_invitations (who to ask what, on which channel, within"
                    + " consent and a fatigue cap), then exports the feed to the destinations in the config's feed"
                    + " section (JSON lines or Parquet in a folder, or a Kafka topic; salted SHA-256 identifiers"
                    + " for destinations with pii: false, salt from RAPPORT_FEED_SALT).",
            "Run it after rapport metrics."
        })
final class FeedCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Mixin
    ClusterOption cluster;

    @Option(
            names = "--as-of",
            paramLabel = "YYYY-MM-DD",
            description = "The day the feed describes (default: the day of the latest interaction).")
    LocalDate asOf;

    @Override
    public Integer call() throws Exception {
        return StageCommands.feed(config.load(), Console.system(), cluster.target(), Optional.ofNullable(asOf));
    }
}
