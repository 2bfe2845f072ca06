package dev.rapport.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.ingest.normalize.EventTypeRule;
import dev.rapport.schemas.config.InvalidConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestMappingPresets {

    @TempDir
    Path dir;

    private Map<String, Object> source(String preset, String file) {
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put("name", "crm");
        yaml.put("preset", preset);
        yaml.put("path", file);
        return yaml;
    }

    @Test
    void everyPresetInTheIndexLoadsAndIsAValidMapping() throws IOException {
        Files.writeString(dir.resolve("any.jsonl"), "{}\n");
        for (String preset : MappingPresets.names()) {
            Map<String, Object> yaml = source(preset, "any.jsonl");
            yaml.put("format", "jsonl"); // no CSV header to check: the whole preset mapping is validated
            SourceConfig config = SourceConfig.fromMap(yaml, "sources[0]", dir);
            assertThat(config.mapping())
                    .as(preset)
                    .containsKeys(CanonicalFields.required(config.kind()).toArray(String[]::new));
        }
        assertThat(MappingPresets.names())
                .contains(
                        "salesforce-contacts",
                        "salesforce-leads",
                        "hubspot-contacts",
                        "sendgrid-events",
                        "mailchimp-activity",
                        "erp-customers",
                        "erp-orders",
                        "erp-invoices");
    }

    @Test
    void presetsMapEventsOntoRapportEventTypesAndOptInsOntoEmailSubscribe() throws IOException {
        Files.writeString(dir.resolve("any.jsonl"), "{}\n");
        for (String preset : MappingPresets.names()) {
            Map<String, Object> yaml = source(preset, "any.jsonl");
            yaml.put("format", "jsonl");
            FieldSpec eventType =
                    SourceConfig.fromMap(yaml, "sources[0]", dir).mapping().get("event_type");
            if (eventType != null && eventType.values() != null) {
                assertThat(eventType.values().values()).as(preset).isSubsetOf(EventTypeRule.EVENT_TYPES);
            }
        }
        assertThat(eventValues("mailchimp-activity"))
                .containsEntry("subscribe", "email_subscribe")
                .containsEntry("unsub", "email_unsubscribe");
        assertThat(eventValues("sendgrid-events"))
                .containsEntry("group_resubscribe", "email_subscribe")
                .containsEntry("group_unsubscribe", "email_unsubscribe");
    }

    private Map<String, String> eventValues(String preset) throws IOException {
        Files.writeString(dir.resolve("any.jsonl"), "{}\n");
        Map<String, Object> yaml = source(preset, "any.jsonl");
        yaml.put("format", "jsonl");
        return SourceConfig.fromMap(yaml, "sources[0]", dir)
                .mapping()
                .get("event_type")
                .values();
    }

    @Test
    void unknownPresetNamesTheSourceAndListsThePresets() throws IOException {
        Files.writeString(dir.resolve("c.csv"), "Id\n1\n");
        assertThatThrownBy(() -> SourceConfig.fromMap(source("salesforce-contact", "c.csv"), "sources[1]", dir))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.key()).isEqualTo("sources[1].preset");
                    assertThat(e.problem())
                            .contains("source 'crm'", "unknown preset 'salesforce-contact'")
                            .contains(MappingPresets.names());
                });
    }

    @Test
    void presetFillsKindFormatAndMappingAndDropsColumnsTheExportLacks() throws IOException {
        Files.writeString(
                dir.resolve("contacts.csv"),
                "\"Contact ID\",\"First Name\",\"Last Name\",\"Email\",\"Mailing City\"\n"
                        + "003A1,Ana,Petrović,ana@example.com,Beograd\n");
        SourceConfig config = SourceConfig.fromMap(source("salesforce-contacts", "contacts.csv"), "sources[0]", dir);

        assertThat(config.kind()).isEqualTo(SourceKind.CUSTOMER);
        assertThat(config.format()).isEqualTo(SourceFormat.CSV);
        assertThat(config.mapping())
                .containsOnlyKeys("source_id", "first_name", "last_name", "email", "city")
                .containsEntry("source_id", FieldSpec.column("Contact ID"))
                .containsEntry("city", FieldSpec.column("Mailing City"));
    }

    @Test
    void sourceOverridesAndRemovesPresetFieldsAndMergesOptions() throws IOException {
        Files.writeString(
                dir.resolve("contacts.csv"),
                "Record ID;First Name;Last Name;Email;Phone Number;Owner\n1;Ana;P;a@b.co;064;x\n");
        Map<String, Object> yaml = source("hubspot-contacts", "contacts.csv");
        yaml.put("options", new HashMap<>(Map.of("delimiter", ";", "default_country", "RS")));
        Map<String, Object> mapping = new LinkedHashMap<>();
        mapping.put("email", null); // removed
        mapping.put("company", "Owner"); // overridden
        yaml.put("mapping", mapping);

        SourceConfig config = SourceConfig.fromMap(yaml, "sources[0]", dir);

        assertThat(config.mapping())
                .containsOnlyKeys("source_id", "first_name", "last_name", "phone", "company")
                .containsEntry("company", FieldSpec.column("Owner"));
        assertThat(config.csvSettings().delimiter()).isEqualTo(';');
        assertThat(config.defaultCountry()).isEqualTo("RS");
    }

    @Test
    void userMappedColumnMissingFromTheHeaderStillFailsFast() throws IOException {
        Files.writeString(dir.resolve("contacts.csv"), "Record ID,Email\n1,a@b.co\n");
        Map<String, Object> yaml = source("hubspot-contacts", "contacts.csv");
        yaml.put("mapping", new LinkedHashMap<>(Map.of("company", "Company")));

        assertThatThrownBy(() -> SourceConfig.fromMap(yaml, "sources[0]", dir))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.key()).isEqualTo("sources[0].mapping.company");
                    assertThat(e.problem()).contains("source 'crm'", "'Company'", "contacts.csv", "Record ID, Email");
                });
    }

    @Test
    void presetWhoseRequiredColumnIsMissingFailsFast() throws IOException {
        Files.writeString(dir.resolve("contacts.csv"), "Id,First Name\n1,Ana\n");

        assertThatThrownBy(() -> SourceConfig.fromMap(source("salesforce-contacts", "contacts.csv"), "sources[0]", dir))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.key()).isEqualTo("sources[0].mapping.source_id");
                    assertThat(e.problem()).contains("source 'crm'", "Contact ID", "map it yourself");
                });
    }
}
