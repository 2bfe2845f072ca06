package dev.rapport.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCompanyGenerator {

    private static final int PERSONS = 3_000;

    @TempDir
    static Path folder;

    private static GeneratedCompany company;

    @BeforeAll
    static void generate() {
        company = new CompanyGenerator(new GeneratorConfig(PERSONS, 7L, folder.resolve("a"))).generate();
    }

    @Test
    void sameSeedGivesByteIdenticalFilesAndAnotherSeedDoesNot() throws IOException {
        GeneratedCompany again = new CompanyGenerator(new GeneratorConfig(PERSONS, 7L, folder.resolve("b"))).generate();
        GeneratedCompany other = new CompanyGenerator(new GeneratorConfig(PERSONS, 8L, folder.resolve("c"))).generate();
        assertThat(again.records()).isEqualTo(company.records());
        for (Path file : company.files()) {
            byte[] first = Files.readAllBytes(file);
            assertThat(Files.readAllBytes(again.outDir().resolve(file.getFileName())))
                    .as("%s", file.getFileName())
                    .isEqualTo(first);
        }
        assertThat(Files.readAllBytes(other.outDir().resolve(GeneratedSources.CRM_FILE)))
                .isNotEqualTo(Files.readAllBytes(company.outDir().resolve(GeneratedSources.CRM_FILE)));
    }

    @Test
    void writesEveryFileWithRealisticVolumes() {
        assertThat(company.files())
                .extracting(path -> path.getFileName().toString())
                .containsExactlyInAnyOrder(
                        GeneratedSources.CRM_FILE,
                        GeneratedSources.ERP_FILE,
                        GeneratedSources.ERP_DOCUMENTS_FILE,
                        GeneratedSources.EMAIL_FILE,
                        GeneratedSources.SURVEYS_FILE,
                        GeneratedSources.SUPPORT_FILE,
                        GeneratedSources.GROUND_TRUTH_FILE);
        assertThat(company.persons()).isEqualTo(PERSONS);
        assertThat(company.totalRecords()).isBetween(2L * PERSONS, 7L * PERSONS);
        assertThat(company.records().keySet()).isEqualTo(GeneratedSources.FILES.keySet());
        company.records()
                .forEach((source, records) -> assertThat(records).as(source).isPositive());
    }

    @Test
    void csvFilesParseWithTheHeaderColumnCountAndCountsMatch() throws IOException {
        assertCsv(GeneratedSources.CRM, ',', GeneratedSources.CRM_HEADER);
        assertCsv(GeneratedSources.ERP, ';', GeneratedSources.ERP_HEADER);
        assertCsv(GeneratedSources.ERP_DOCUMENTS, ';', GeneratedSources.ERP_DOCUMENTS_HEADER);
        assertCsv(GeneratedSources.SURVEYS, ',', GeneratedSources.SURVEYS_HEADER);
        assertCsv(GeneratedSources.SUPPORT, ',', GeneratedSources.SUPPORT_HEADER);
    }

    @Test
    void everyJsonLineParsesExceptTheDeliberatelyBrokenOnes() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<String> lines =
                Files.readAllLines(company.outDir().resolve(GeneratedSources.EMAIL_FILE), StandardCharsets.UTF_8);
        long broken = 0;
        Map<String, String> lineByEventId = new HashMap<>();
        long duplicates = 0;
        Set<String> events = new HashSet<>();
        boolean machineOpen = false;
        for (String line : lines) {
            JsonNode node;
            try {
                node = mapper.readTree(line);
            } catch (IOException e) {
                broken++;
                continue;
            }
            assertThat(node.get("timestamp").isNumber()).isTrue();
            assertThat(node.get("email").asText()).contains("@");
            events.add(node.get("event").asText());
            machineOpen |= node.path("sg_machine_open").asBoolean(false);
            String previous = lineByEventId.put(node.get("sg_event_id").asText(), line);
            if (previous != null) {
                // A webhook retry repeats the event exactly.
                assertThat(previous).isEqualTo(line);
                duplicates++;
            }
        }
        assertThat(lines).hasSize((int) (long) company.records().get(GeneratedSources.EMAIL));
        assertThat(broken)
                .isEqualTo(company.malformed().get(GeneratedSources.EMAIL))
                .isPositive();
        assertThat(duplicates)
                .isEqualTo(company.duplicates().get(GeneratedSources.EMAIL))
                .isPositive();
        assertThat(events).contains("processed", "delivered", "open", "click", "bounce");
        assertThat(machineOpen).isTrue();
    }

    @Test
    void malformedRatesAreSmallButPresentInEverySource() {
        company.records().forEach((source, records) -> {
            long malformed = company.malformed().get(source);
            assertThat(malformed).as(source).isPositive();
            assertThat((double) malformed / records).as(source).isLessThan(0.02);
        });
    }

    @Test
    void groundTruthCoversEveryCustomerRecordWithAnId() throws IOException {
        Map<String, String> truth = new HashMap<>();
        for (CSVRecord row : read(company.outDir().resolve(GeneratedSources.GROUND_TRUTH_FILE), ',')) {
            assertThat(truth.put(row.get("source") + "/" + row.get("source_id"), row.get("person_id")))
                    .isNull();
        }
        assertThat(truth).hasSize((int) company.groundTruthRows());
        long withoutId = 0;
        for (CSVRecord row : read(company.outDir().resolve(GeneratedSources.CRM_FILE), ',')) {
            if (row.get("Id").isEmpty()) {
                withoutId++;
            } else {
                assertThat(truth).containsKey("crm/" + row.get("Id"));
            }
        }
        for (CSVRecord row : read(company.outDir().resolve(GeneratedSources.ERP_FILE), ';')) {
            if (row.get("CustomerNo").isEmpty()) {
                withoutId++;
            } else {
                assertThat(truth).containsKey("erp/" + row.get("CustomerNo"));
            }
        }
        assertThat(truth.size() + withoutId)
                .isEqualTo(company.records().get(GeneratedSources.CRM)
                        + company.records().get(GeneratedSources.ERP));
        assertThat(withoutId).isPositive();
    }

    @Test
    void identityTrapsOccur() throws IOException {
        Map<String, Set<String>> sourcesByPerson = new HashMap<>();
        Map<String, Integer> crmRecordsByPerson = new HashMap<>();
        Map<String, String> personByCrmId = new HashMap<>();
        for (CSVRecord row : read(company.outDir().resolve(GeneratedSources.GROUND_TRUTH_FILE), ',')) {
            sourcesByPerson
                    .computeIfAbsent(row.get("person_id"), p -> new HashSet<>())
                    .add(row.get("source"));
            if (row.get("source").equals(GeneratedSources.CRM)) {
                crmRecordsByPerson.merge(row.get("person_id"), 1, Integer::sum);
                personByCrmId.put(row.get("source_id"), row.get("person_id"));
            }
        }
        long inBoth =
                sourcesByPerson.values().stream().filter(s -> s.size() == 2).count();
        assertThat((double) inBoth / PERSONS).isBetween(0.2, 0.6);
        assertThat(crmRecordsByPerson.values()).contains(2);

        Map<String, Set<String>> personsByEmail = new HashMap<>();
        Map<String, Set<String>> personsByName = new HashMap<>();
        boolean cyrillic = false;
        boolean gmailTag = false;
        boolean multiLineStreet = false;
        for (CSVRecord row : read(company.outDir().resolve(GeneratedSources.CRM_FILE), ',')) {
            String person = personByCrmId.get(row.get("Id"));
            if (person == null) {
                continue;
            }
            String email = row.get("Email").toLowerCase(java.util.Locale.ROOT);
            if (!email.isEmpty()) {
                personsByEmail.computeIfAbsent(email, e -> new HashSet<>()).add(person);
            }
            personsByName
                    .computeIfAbsent(row.get("FirstName") + " " + row.get("LastName"), n -> new HashSet<>())
                    .add(person);
            cyrillic |= row.get("LastName").matches(".*\\p{IsCyrillic}.*");
            gmailTag |= email.matches(".+\\+[a-z]+@gmail\\.com");
            multiLineStreet |= row.get("MailingStreet").contains("\n");
        }
        assertThat(personsByEmail.values()).as("shared emails").anyMatch(persons -> persons.size() > 1);
        assertThat(personsByEmail.entrySet())
                .as("shared generic mailboxes")
                .anyMatch(e -> (e.getKey().startsWith("office@") || e.getKey().startsWith("info@"))
                        && e.getValue().size() > 1);
        assertThat(personsByName.values()).as("namesakes").anyMatch(persons -> persons.size() > 1);
        assertThat(cyrillic).isTrue();
        assertThat(gmailTag).isTrue();
        assertThat(multiLineStreet).isTrue();
    }

    @Test
    void surveysCoverEveryTypeAndLanguageAndScoresFitTheirScale() throws IOException {
        Set<String> languages = new HashSet<>();
        Set<String> types = new HashSet<>();
        long outOfScale = 0;
        for (CSVRecord row : read(company.outDir().resolve(GeneratedSources.SURVEYS_FILE), ',')) {
            types.add(row.get("survey"));
            languages.add(row.get("language"));
            int max =
                    switch (row.get("survey")) {
                        case "NPS" -> 10;
                        case "CSAT" -> 5;
                        default -> 7;
                    };
            int min = row.get("survey").equals("NPS") ? 0 : 1;
            if (!row.get("score").matches("\\d+")
                    || Integer.parseInt(row.get("score")) > max
                    || Integer.parseInt(row.get("score")) < min) {
                outOfScale++;
            }
            assertThat(row.get("respondent_email").isEmpty()
                            && row.get("contact_id").isEmpty())
                    .isFalse();
        }
        assertThat(types).containsExactlyInAnyOrder("NPS", "CSAT", "CES");
        assertThat(languages).contains("en", "sr", "ru", "fa", "af", "lt");
        assertThat(outOfScale).isLessThanOrEqualTo(company.malformed().get(GeneratedSources.SURVEYS));
    }

    @Test
    void detractorsBuyLessAgainThanPromoters() throws IOException {
        // Orders after an NPS answer, per answer class: promoters come back, detractors churn.
        Map<String, List<String>> ordersByCustomer = new HashMap<>();
        for (CSVRecord row : read(company.outDir().resolve(GeneratedSources.ERP_DOCUMENTS_FILE), ';')) {
            if (row.get("DocType").equals("ORD")) {
                ordersByCustomer
                        .computeIfAbsent(row.get("CustomerNo"), c -> new ArrayList<>())
                        .add(row.get("OrderNo"));
            }
        }
        Map<String, String> customerByOrder = new HashMap<>();
        ordersByCustomer.forEach((customer, orders) -> orders.forEach(order -> customerByOrder.put(order, customer)));
        int[] repeat = new int[2];
        int[] total = new int[2];
        for (CSVRecord row : read(company.outDir().resolve(GeneratedSources.SURVEYS_FILE), ',')) {
            if (!row.get("survey").equals("NPS")
                    || !row.get("touchpoint").equals("delivery")
                    || !row.get("score").matches("\\d+")) {
                continue;
            }
            int score = Integer.parseInt(row.get("score"));
            int group = score >= 9 ? 0 : score <= 6 ? 1 : -1;
            String customer = customerByOrder.get(row.get("order_ref"));
            if (group < 0 || customer == null) {
                continue;
            }
            List<String> orders = ordersByCustomer.get(customer);
            total[group]++;
            if (!orders.get(orders.size() - 1).equals(row.get("order_ref"))) {
                repeat[group]++;
            }
        }
        assertThat(total[0]).isPositive();
        assertThat(total[1]).isPositive();
        assertThat((double) repeat[0] / total[0]).isGreaterThan((double) repeat[1] / total[1] + 0.2);
    }

    private static void assertCsv(String source, char delimiter, List<String> header) throws IOException {
        Path file = company.outDir().resolve(GeneratedSources.FILES.get(source));
        List<CSVRecord> rows = read(file, delimiter);
        assertThat(rows).hasSize((int) (long) company.records().get(source));
        for (CSVRecord row : rows) {
            assertThat(row.size())
                    .as("%s line %d", source, row.getRecordNumber())
                    .isEqualTo(header.size());
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CSVParser parser =
                    CSVFormat.RFC4180.builder().setDelimiter(delimiter).build().parse(reader);
            List<String> first = parser.iterator().next().toList();
            assertThat(first.get(0).replace("\uFEFF", "")).isEqualTo(header.get(0));
            assertThat(first.subList(1, first.size())).isEqualTo(header.subList(1, header.size()));
        }
    }

    static List<CSVRecord> read(Path file, char delimiter) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .build();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            return parser.getRecords();
        }
    }
}
