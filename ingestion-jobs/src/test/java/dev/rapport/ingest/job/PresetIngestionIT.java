package dev.rapport.ingest.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.ingest.config.SourceConfig;
import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A small file in the shape of each preset's export ingests with no mapping at all. */
class PresetIngestionIT {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    @TempDir
    Path dir;

    @Test
    void everyPresetIngestsItsExportWithoutAMapping() throws Exception {
        write(
                "salesforce_contacts.csv",
                "\"Contact ID\",\"First Name\",\"Last Name\",\"Title\",\"Email\",\"Phone\",\"Mailing Street\","
                        + "\"Mailing City\",\"Mailing State/Province\",\"Mailing Zip/Postal Code\",\"Mailing Country\","
                        + "\"Account Name\"\n"
                        + "\"0035g00000AbCdE\",\"Ana\",\"Petrović\",\"CFO\",\"ana.petrovic@example.com\","
                        + "\"+381 64 123 4567\",\"Knez Mihailova 1\",\"Beograd\",\"\",\"11000\",\"Serbia\",\"Acme d.o.o.\"\n"
                        + "\"0035g00000XyZwV\",\"John\",\"Smith\",\"\",\"john@example.com\",\"(415) 555-0100\","
                        + "\"1 Market St\",\"San Francisco\",\"CA\",\"94105\",\"United States\",\"Initech\"\n");
        write(
                "salesforce_leads.csv",
                "\"Lead ID\",\"First Name\",\"Last Name\",\"Company / Account\",\"Email\",\"Phone\",\"Street\","
                        + "\"City\",\"State/Province\",\"Zip/Postal Code\",\"Country\",\"Lead Status\"\n"
                        + "\"00Q5g00000LeAd1\",\"Marko\",\"Jovanović\",\"Zastava\",\"marko@example.rs\",\"011 123 456\","
                        + "\"\",\"Kragujevac\",\"\",\"34000\",\"RS\",\"Open - Not Contacted\"\n");
        write(
                "hubspot_contacts.csv",
                "\"Record ID\",\"First Name\",\"Last Name\",\"Email\",\"Phone Number\",\"Street Address\",\"City\","
                        + "\"State/Region\",\"Postal Code\",\"Country/Region\",\"Company Name\",\"Contact owner\","
                        + "\"Lifecycle Stage\"\n"
                        + "\"51\",\"Maria\",\"Garcia\",\"maria@example.es\",\"+34 600 123 456\",\"\",\"Madrid\",\"\","
                        + "\"28001\",\"Spain\",\"\",\"Jane Doe\",\"Lead\"\n"
                        + "\"52\",\"Li\",\"Wei\",\"li.wei@example.cn\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"Customer\"\n");
        write(
                "sendgrid.jsonl",
                "{\"email\":\"ana.petrovic@example.com\",\"timestamp\":1709283600,\"event\":\"delivered\","
                        + "\"sg_event_id\":\"ZGVsaXZlcmVk1\",\"sg_message_id\":\"14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0\","
                        + "\"smtp-id\":\"<14c5d75ce93.dfd.64b469@ismtpd-555>\",\"response\":\"250 OK\"}\n"
                        + "{\"email\":\"ana.petrovic@example.com\",\"timestamp\":1709283700,\"event\":\"open\","
                        + "\"sg_machine_open\":true,\"sg_event_id\":\"b3BlbjE\",\"sg_message_id\":\"m1\","
                        + "\"useragent\":\"Mozilla/5.0\",\"ip\":\"203.0.113.5\"}\n"
                        + "{\"email\":\"ana.petrovic@example.com\",\"timestamp\":1709283800,\"event\":\"open\","
                        + "\"sg_machine_open\":false,\"sg_event_id\":\"b3BlbjI\",\"sg_message_id\":\"m1\"}\n"
                        + "{\"email\":\"ana.petrovic@example.com\",\"timestamp\":1709283900,\"event\":\"click\","
                        + "\"url\":\"https://example.com/offer\",\"sg_event_id\":\"Y2xpY2sx\",\"sg_message_id\":\"m1\","
                        + "\"marketing_campaign_id\":12345}\n"
                        + "{\"email\":\"ana.petrovic@example.com\",\"timestamp\":1709284000,\"event\":\"group_resubscribe\","
                        + "\"asm_group_id\":42,\"sg_event_id\":\"cmVzdWIx\"}\n");
        write(
                "mailchimp.csv",
                "\"Email Address\",\"First Name\",\"Last Name\",\"Campaign\",\"Action\",\"Timestamp\",\"URL\"\n"
                        + "\"maria@example.es\",\"Maria\",\"Garcia\",\"spring-sale\",\"open\",\"2024-03-01 10:15:00\",\"\"\n"
                        + "\"maria@example.es\",\"Maria\",\"Garcia\",\"spring-sale\",\"click\",\"2024-03-01 10:16:30\","
                        + "\"https://example.es/sale\"\n"
                        + "\"li.wei@example.cn\",\"Li\",\"Wei\",\"\",\"subscribe\",\"2024-03-01 09:00:00\",\"\"\n");
        write(
                "erp_customers.csv",
                "customer_id,first_name,last_name,company_name,email,phone,street,city,postal_code,region,country,"
                        + "birth_date,created_at,updated_at\n"
                        + "K-1001,Ana,Petrović,,ana.petrovic@example.com,0641234567,Knez Mihailova 1,Beograd,11000,,RS,"
                        + "1985-03-15,2020-01-10T08:00:00,2024-02-01T09:30:00\n");
        write(
                "erp_orders.csv",
                "order_id,customer_id,order_date,total_amount,currency,channel\n"
                        + "SO-1,K-1001,2024-03-02T11:00:00,1299.90,RSD,web\n");
        write(
                "erp_invoices.csv",
                "invoice_id,customer_id,order_id,invoice_date,amount,currency\n"
                        + "INV-1,K-1001,SO-1,2024-03-03,1299.90,RSD\n");

        List<SourceConfig> sources = new ArrayList<>();
        sources.add(source("sf-contacts", "salesforce-contacts", "salesforce_contacts.csv"));
        sources.add(source("sf-leads", "salesforce-leads", "salesforce_leads.csv"));
        sources.add(source("hubspot", "hubspot-contacts", "hubspot_contacts.csv"));
        sources.add(source("sendgrid", "sendgrid-events", "sendgrid.jsonl"));
        sources.add(source("mailchimp", "mailchimp-activity", "mailchimp.csv"));
        sources.add(source("erp", "erp-customers", "erp_customers.csv"));
        sources.add(source("erp-orders", "erp-orders", "erp_orders.csv"));
        sources.add(source("erp-invoices", "erp-invoices", "erp_invoices.csv"));
        CatalogConfig catalog = CatalogConfig.embedded(Files.createDirectories(dir.resolve("data")));

        IngestionReport report = JobRuns.batch(catalog, sources, "run-1", 2);

        assertThat(report.source("sf-contacts")).isEqualTo(new SourceCounts(2, 2, 0, 0));
        assertThat(report.source("sf-leads")).isEqualTo(new SourceCounts(1, 1, 0, 0));
        assertThat(report.source("hubspot")).isEqualTo(new SourceCounts(2, 2, 0, 0));
        assertThat(report.source("sendgrid")).isEqualTo(new SourceCounts(5, 5, 0, 0));
        assertThat(report.source("mailchimp")).isEqualTo(new SourceCounts(3, 3, 0, 0));
        assertThat(report.source("erp")).isEqualTo(new SourceCounts(1, 1, 0, 0));
        assertThat(report.source("erp-orders")).isEqualTo(new SourceCounts(1, 1, 0, 0));
        assertThat(report.source("erp-invoices")).isEqualTo(new SourceCounts(1, 1, 0, 0));

        try (RapportCatalog tables = new RapportCatalog(catalog)) {
            Map<String, Record> customers = JobRuns.rows(
                    tables, RapportTables.CUSTOMER_RECORDS, r -> r.getField("source") + "/" + r.getField("source_id"));
            Record ana = customers.get("sf-contacts/0035g00000AbCdE");
            assertThat(ana.getField("first_name")).isEqualTo("Ana");
            assertThat(ana.getField("last_name")).isEqualTo("Petrović");
            assertThat(ana.getField("email")).isEqualTo("ana.petrovic@example.com");
            assertThat(ana.getField("phone_e164")).isEqualTo("+381641234567");
            assertThat(ana.getField("street")).isEqualTo("Knez Mihailova 1");
            assertThat(ana.getField("city")).isEqualTo("Beograd");
            assertThat(ana.getField("postcode")).isEqualTo("11000");
            assertThat(ana.getField("country")).isEqualTo("RS");
            assertThat(ana.getField("company")).isEqualTo("Acme d.o.o.");
            assertThat(customers.get("sf-contacts/0035g00000XyZwV").getField("country"))
                    .isEqualTo("US");
            assertThat(customers.get("sf-leads/00Q5g00000LeAd1").getField("company"))
                    .isEqualTo("Zastava");
            Record maria = customers.get("hubspot/51");
            assertThat(maria.getField("email")).isEqualTo("maria@example.es");
            assertThat(maria.getField("phone_e164")).isEqualTo("+34600123456");
            assertThat(maria.getField("country")).isEqualTo("ES");
            assertThat(customers.get("erp/K-1001").getField("birth_date"))
                    .isEqualTo(java.time.LocalDate.of(1985, 3, 15));

            Map<String, Record> events = JobRuns.rows(
                    tables, RapportTables.INTERACTIONS, r -> r.getField("source") + "/" + r.getField("event_type"));
            assertThat(events)
                    .containsOnlyKeys(
                            "sendgrid/email_delivered",
                            "sendgrid/email_machine_open",
                            "sendgrid/email_open",
                            "sendgrid/email_click",
                            "sendgrid/email_subscribe",
                            "mailchimp/email_open",
                            "mailchimp/email_subscribe",
                            "mailchimp/email_click",
                            "erp-orders/order",
                            "erp-invoices/invoice");
            Record click = events.get("sendgrid/email_click");
            assertThat(((OffsetDateTime) click.getField("event_time")).toInstant())
                    .isEqualTo(Instant.ofEpochSecond(1709283900));
            assertThat(click.getField("url")).isEqualTo("https://example.com/offer");
            assertThat(click.getField("campaign_id")).isEqualTo("12345");
            assertThat(((OffsetDateTime) events.get("mailchimp/email_click").getField("event_time")).toInstant())
                    .isEqualTo(Instant.parse("2024-03-01T10:16:30Z"));
            // the opt-ins: a SendGrid resubscribe to an unsubscribe group, a Mailchimp signup (no campaign)
            assertThat(events.get("sendgrid/email_subscribe").getField("category"))
                    .isEqualTo("email");
            assertThat(events.get("mailchimp/email_subscribe").getField("email"))
                    .isEqualTo("li.wei@example.cn");
            Record order = events.get("erp-orders/order");
            assertThat(order.getField("amount")).isEqualTo(new java.math.BigDecimal("1299.90"));
            assertThat(order.getField("customer_ref")).isEqualTo("K-1001");
            assertThat(events.get("erp-invoices/invoice").getField("order_id")).isEqualTo("SO-1");
        }
    }

    private SourceConfig source(String name, String preset, String file) {
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put("name", name);
        yaml.put("preset", preset);
        yaml.put("path", file);
        return SourceConfig.fromMap(yaml, "sources[0]", dir);
    }

    private void write(String name, String text) throws java.io.IOException {
        Files.writeString(dir.resolve(name), text);
    }
}
