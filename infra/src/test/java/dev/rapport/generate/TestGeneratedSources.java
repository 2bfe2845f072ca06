package dev.rapport.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestGeneratedSources {

    private static final Set<String> CUSTOMER_FIELDS = Set.of(
            "source_id",
            "first_name",
            "last_name",
            "full_name",
            "email",
            "phone",
            "street",
            "address_line2",
            "city",
            "postcode",
            "region",
            "country",
            "birth_date",
            "national_id",
            "company",
            "source_customer_ref",
            "created_at",
            "updated_at");
    private static final Set<String> INTERACTION_FIELDS = Set.of(
            "source_event_id",
            "category",
            "event_type",
            "event_time",
            "customer_source",
            "customer_ref",
            "email",
            "touchpoint",
            "channel",
            "campaign_id",
            "order_id",
            "ticket_id",
            "priority",
            "amount",
            "currency",
            "survey_type",
            "score",
            "comment",
            "comment_language",
            "url");
    private static final Set<String> EMAIL_JSON_FIELDS = Set.of(
            "email",
            "timestamp",
            "event",
            "category",
            "sg_event_id",
            "sg_message_id",
            "campaign_id",
            "sg_machine_open",
            "useragent",
            "url",
            "url_offset_index",
            "type",
            "status",
            "reason",
            "response");
    private static final Set<String> FORMS =
            Set.of("column", "default", "const", "join", "separator", "split", "part", "format", "values");

    private final JsonNode sources =
            parse(GeneratedSources.sourcesYaml("data/demo/")).get("sources");

    @Test
    void listsEverySourceWithItsFileUnderTheDataFolder() {
        assertThat(sources).hasSize(GeneratedSources.FILES.size());
        for (JsonNode source : sources) {
            String name = source.get("name").asText();
            assertThat(source.get("path").asText()).isEqualTo("data/demo/" + GeneratedSources.FILES.get(name));
        }
    }

    @Test
    void mapsOnlyContractFieldsFromColumnsThatExist() {
        for (JsonNode source : sources) {
            String name = source.get("name").asText();
            boolean customer = source.get("kind").asText().equals("customer");
            Set<String> columns = columnsOf(name);
            source.get("mapping").fields().forEachRemaining(field -> {
                assertThat(customer ? CUSTOMER_FIELDS : INTERACTION_FIELDS)
                        .as(name)
                        .contains(field.getKey());
                for (String column : referencedColumns(field.getValue())) {
                    assertThat(columns).as("%s.%s", name, field.getKey()).contains(column);
                }
            });
            assertThat(source.get("mapping").has(customer ? "source_id" : "source_event_id"))
                    .isTrue();
            if (!customer) {
                assertThat(source.get("mapping").has("event_type")).isTrue();
                assertThat(source.get("mapping").has("event_time")).isTrue();
            }
        }
    }

    @Test
    void countryValueMapCoversEverySpellingTheCrmWrites() {
        JsonNode values =
                find(GeneratedSources.CRM).get("mapping").get("country").get("values");
        for (Country country : Country.values()) {
            for (String name : country.countryNames()) {
                assertThat(values.get(name).asText()).isEqualTo(country.name());
            }
        }
    }

    private JsonNode find(String name) {
        for (JsonNode source : sources) {
            if (source.get("name").asText().equals(name)) {
                return source;
            }
        }
        throw new AssertionError("no source " + name);
    }

    private static Set<String> columnsOf(String source) {
        return switch (source) {
            case GeneratedSources.CRM -> Set.copyOf(GeneratedSources.CRM_HEADER);
            case GeneratedSources.ERP -> Set.copyOf(GeneratedSources.ERP_HEADER);
            case GeneratedSources.ERP_DOCUMENTS -> Set.copyOf(GeneratedSources.ERP_DOCUMENTS_HEADER);
            case GeneratedSources.SURVEYS -> Set.copyOf(GeneratedSources.SURVEYS_HEADER);
            case GeneratedSources.SUPPORT -> Set.copyOf(GeneratedSources.SUPPORT_HEADER);
            case GeneratedSources.EMAIL -> EMAIL_JSON_FIELDS;
            default -> throw new AssertionError("unknown source " + source);
        };
    }

    private static List<String> referencedColumns(JsonNode mapping) {
        if (mapping.isTextual()) {
            return List.of(mapping.asText());
        }
        Set<String> keys = new HashSet<>();
        mapping.fieldNames().forEachRemaining(keys::add);
        assertThat(FORMS).containsAll(keys);
        if (mapping.has("column")) {
            return List.of(mapping.get("column").asText());
        }
        if (mapping.has("join")) {
            return new ObjectMapper().convertValue(mapping.get("join"), List.class);
        }
        assertThat(mapping.has("const")).isTrue();
        return List.of();
    }

    private static JsonNode parse(String yaml) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
