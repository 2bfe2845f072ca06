package dev.rapport.generate;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * Generates a realistic company's exports (CRM, ERP, email webhook, surveys, support) with known true
 * identities. Persons are made and written one at a time, so memory stays flat however many there are;
 * all randomness comes from the seed, and so does the end date of the two years of history.
 *
 * <p>As in real systems, a personal email address or a mobile number belongs to one person however
 * many persons there are; only the intended traps share one (household members using the head's
 * address or number, a firm's generic mailbox, another system's spelling of the same mailbox). See
 * {@link PersonFactory} and {@link IssuedContacts}.
 */
public final class CompanyGenerator {

    private static final int PROGRESS_EVERY = 1_000;
    private static final long HISTORY_DAYS = 730;

    private final GeneratorConfig config;

    public CompanyGenerator(GeneratorConfig config) {
        this.config = requireNonNull(config, "config is null");
    }

    /** The last day of history: a fixed date moved back by up to a year depending on the seed. */
    public static LocalDate endDate(long seed) {
        return LocalDate.of(2025, 12, 31).minusDays(Math.floorMod(RandomStreams.mix(seed, -1), 365));
    }

    public GeneratedCompany generate() {
        return generate(done -> {});
    }

    /** Generates, reporting the number of persons done to {@code progress} every thousand persons and at the end. */
    public GeneratedCompany generate(LongConsumer progress) {
        requireNonNull(progress, "progress is null");
        try {
            Files.createDirectories(config.outDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + config.outDir(), e);
        }
        LocalDate endDate = endDate(config.seed());
        Instant end = endDate.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant start = end.minusSeconds(HISTORY_DAYS * 86_400);
        List<SourceFile> files = new ArrayList<>();
        try (SourceFile crm = open(
                        files,
                        SourceFile.csv(
                                GeneratedSources.CRM,
                                path(GeneratedSources.CRM_FILE),
                                ',',
                                false,
                                header(GeneratedSources.CRM_HEADER)));
                SourceFile erp = open(
                        files,
                        SourceFile.csv(
                                GeneratedSources.ERP,
                                path(GeneratedSources.ERP_FILE),
                                ';',
                                true,
                                header(GeneratedSources.ERP_HEADER)));
                SourceFile documents = open(
                        files,
                        SourceFile.csv(
                                GeneratedSources.ERP_DOCUMENTS,
                                path(GeneratedSources.ERP_DOCUMENTS_FILE),
                                ';',
                                false,
                                header(GeneratedSources.ERP_DOCUMENTS_HEADER)));
                SourceFile email =
                        open(files, SourceFile.jsonLines(GeneratedSources.EMAIL, path(GeneratedSources.EMAIL_FILE)));
                SourceFile surveys = open(
                        files,
                        SourceFile.csv(
                                GeneratedSources.SURVEYS,
                                path(GeneratedSources.SURVEYS_FILE),
                                ',',
                                false,
                                header(GeneratedSources.SURVEYS_HEADER)));
                SourceFile support = open(
                        files,
                        SourceFile.csv(
                                GeneratedSources.SUPPORT,
                                path(GeneratedSources.SUPPORT_FILE),
                                ',',
                                false,
                                header(GeneratedSources.SUPPORT_HEADER)));
                SourceFile groundTruth = SourceFile.csv(
                        "ground_truth",
                        path(GeneratedSources.GROUND_TRUTH_FILE),
                        ',',
                        false,
                        header(GeneratedSources.GROUND_TRUTH_HEADER))) {
            IdSequences ids = new IdSequences();
            PersonFactory persons = new PersonFactory(config.seed(), endDate);
            CustomerExports customers = new CustomerExports(crm, erp, groundTruth, ids, end);
            JourneyExports journeys = new JourneyExports(documents, surveys, support, ids, end);
            EmailExports emails = new EmailExports(email, start, end);
            for (long index = 0; index < config.persons(); index++) {
                SplittableRandom random = RandomStreams.forPerson(config.seed(), index);
                Person person = persons.create(index, random);
                Journey journey = Journey.plan(start, end, random);
                CustomerKeys keys = customers.write(person, journey, random);
                journeys.write(person, journey, keys, random);
                emails.write(journey, keys, random);
                if ((index + 1) % PROGRESS_EVERY == 0) {
                    progress.accept(index + 1);
                }
            }
            if (config.persons() % PROGRESS_EVERY != 0) {
                progress.accept(config.persons());
            }
            return result(files, groundTruth);
        }
    }

    private GeneratedCompany result(List<SourceFile> files, SourceFile groundTruth) {
        Map<String, Long> records = new HashMap<>();
        Map<String, Long> malformed = new HashMap<>();
        Map<String, Long> duplicates = new HashMap<>();
        List<java.nio.file.Path> paths = new ArrayList<>();
        for (SourceFile file : files) {
            records.put(file.source(), file.records());
            malformed.put(file.source(), file.malformed());
            duplicates.put(file.source(), file.duplicates());
            paths.add(file.path());
        }
        paths.add(groundTruth.path());
        return new GeneratedCompany(
                config.outDir(), paths, config.persons(), records, malformed, duplicates, groundTruth.records());
    }

    private static SourceFile open(List<SourceFile> files, SourceFile file) {
        files.add(file);
        return file;
    }

    private java.nio.file.Path path(String file) {
        return config.outDir().resolve(file);
    }

    private static String[] header(List<String> columns) {
        return columns.toArray(new String[0]);
    }
}
