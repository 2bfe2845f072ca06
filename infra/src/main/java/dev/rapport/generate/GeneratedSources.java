package dev.rapport.generate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generated company's exports as Rapport sources: file names, CSV headers, and the {@code sources:}
 * section of a rapport.yaml that maps each file onto the Avro contracts. Source names here are the
 * {@code source} values of the ground truth.
 */
public final class GeneratedSources {

    public static final String CRM = "crm";
    public static final String ERP = "erp";
    public static final String ERP_DOCUMENTS = "erp_documents";
    public static final String EMAIL = "email";
    public static final String SURVEYS = "surveys";
    public static final String SUPPORT = "support";

    public static final String CRM_FILE = "crm_contacts.csv";
    public static final String ERP_FILE = "erp_customers.csv";
    public static final String ERP_DOCUMENTS_FILE = "erp_orders.csv";
    public static final String EMAIL_FILE = "email_events.jsonl";
    public static final String SURVEYS_FILE = "surveys.csv";
    public static final String SUPPORT_FILE = "support_tickets.csv";
    public static final String GROUND_TRUTH_FILE = "ground_truth.csv";

    static final List<String> CRM_HEADER = List.of(
            "Id",
            "FirstName",
            "LastName",
            "Email",
            "Phone",
            "MailingStreet",
            "MailingCity",
            "MailingPostalCode",
            "MailingState",
            "MailingCountry",
            "Birthdate",
            "AccountName",
            "AccountNumber",
            "LeadSource",
            "CreatedDate",
            "LastModifiedDate");
    static final List<String> ERP_HEADER = List.of(
            "CustomerNo",
            "Name1",
            "Name2",
            "Street",
            "PostalCode",
            "City",
            "Country",
            "Phone",
            "Email",
            "DateOfBirth",
            "JMBG",
            "CreatedOn",
            "ChangedOn");
    static final List<String> ERP_DOCUMENTS_HEADER = List.of(
            "DocType",
            "DocNo",
            "DocDate",
            "CustomerNo",
            "OrderNo",
            "Amount",
            "Currency",
            "SalesChannel",
            "PaymentMethod");
    static final List<String> SURVEYS_HEADER = List.of(
            "response_id",
            "survey",
            "score",
            "touchpoint",
            "channel",
            "submitted_at",
            "respondent_email",
            "contact_id",
            "order_ref",
            "language",
            "comment");
    static final List<String> SUPPORT_HEADER = List.of(
            "event_id",
            "ticket_id",
            "event",
            "event_time",
            "priority",
            "channel",
            "requester_email",
            "requester_contact_id",
            "subject",
            "language",
            "comment");
    static final List<String> GROUND_TRUTH_HEADER = List.of("source", "source_id", "person_id");

    /** Source name to file name, in the order the files are written. */
    public static final Map<String, String> FILES = files();

    private GeneratedSources() {}

    private static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(CRM, CRM_FILE);
        files.put(ERP, ERP_FILE);
        files.put(ERP_DOCUMENTS, ERP_DOCUMENTS_FILE);
        files.put(EMAIL, EMAIL_FILE);
        files.put(SURVEYS, SURVEYS_FILE);
        files.put(SUPPORT, SUPPORT_FILE);
        return Collections.unmodifiableMap(files);
    }

    /** The YAML text of the {@code sources:} list, with every path under {@code dataDir}. */
    public static String sourcesYaml(String dataDir) {
        String dir = dataDir.endsWith("/") ? dataDir.substring(0, dataDir.length() - 1) : dataDir;
        StringBuilder yaml = new StringBuilder(4096);
        yaml.append("sources:\n");

        source(yaml, CRM, "customer", "csv", dir + "/" + CRM_FILE);
        yaml.append("    options: {delimiter: \",\", header: true, default_country: RS}\n");
        yaml.append("    mapping:\n");
        field(yaml, "source_id", "Id");
        field(yaml, "first_name", "FirstName");
        field(yaml, "last_name", "LastName");
        field(yaml, "full_name", "{join: [FirstName, LastName], separator: \" \"}");
        field(yaml, "email", "Email");
        field(yaml, "phone", "Phone");
        field(yaml, "street", "MailingStreet");
        field(yaml, "city", "MailingCity");
        field(yaml, "postcode", "MailingPostalCode");
        field(yaml, "region", "MailingState");
        field(yaml, "country", "{column: MailingCountry, values: " + countryValues() + "}");
        field(yaml, "birth_date", "Birthdate");
        field(yaml, "company", "AccountName");
        field(yaml, "source_customer_ref", "AccountNumber");
        field(yaml, "created_at", "CreatedDate");
        field(yaml, "updated_at", "LastModifiedDate");

        source(yaml, ERP, "customer", "csv", dir + "/" + ERP_FILE);
        yaml.append("    options: {delimiter: \";\", header: true, timezone: Europe/Belgrade, default_country: RS}\n");
        yaml.append("    mapping:\n");
        field(yaml, "source_id", "CustomerNo");
        field(yaml, "last_name", "{column: Name1, split: \",\", part: 0}");
        field(yaml, "first_name", "{column: Name1, split: \",\", part: 1}");
        field(yaml, "company", "Name2");
        field(yaml, "street", "Street");
        field(yaml, "postcode", "PostalCode");
        field(yaml, "city", "City");
        field(yaml, "country", "{column: Country, default: RS}");
        field(yaml, "phone", "Phone");
        field(yaml, "email", "Email");
        field(yaml, "birth_date", "{column: DateOfBirth, format: \"dd.MM.yyyy\"}");
        field(yaml, "national_id", "JMBG");
        field(yaml, "created_at", "{column: CreatedOn, format: \"dd.MM.yyyy HH:mm:ss\"}");
        field(yaml, "updated_at", "{column: ChangedOn, format: \"dd.MM.yyyy HH:mm:ss\"}");

        source(yaml, ERP_DOCUMENTS, "interaction", "csv", dir + "/" + ERP_DOCUMENTS_FILE);
        yaml.append("    options: {delimiter: \";\", header: true, timezone: Europe/Belgrade}\n");
        yaml.append("    mapping:\n");
        field(yaml, "source_event_id", "DocNo");
        field(yaml, "event_type", "{column: DocType, values: {ORD: order, INV: invoice, PAY: payment, RET: return}}");
        field(yaml, "category", "{const: commerce}");
        field(yaml, "event_time", "{column: DocDate, format: \"dd.MM.yyyy HH:mm:ss\"}");
        field(yaml, "customer_source", "{const: " + ERP + "}");
        field(yaml, "customer_ref", "CustomerNo");
        field(yaml, "order_id", "OrderNo");
        field(yaml, "amount", "Amount");
        field(yaml, "currency", "Currency");
        field(yaml, "channel", "SalesChannel");
        field(yaml, "touchpoint", "{const: checkout}");

        source(yaml, EMAIL, "interaction", "jsonl", dir + "/" + EMAIL_FILE);
        yaml.append("    mapping:\n");
        field(yaml, "source_event_id", "sg_event_id");
        field(
                yaml,
                "event_type",
                "{join: [event, sg_machine_open], separator: \"|\", values: {processed: email_sent, "
                        + "delivered: email_delivered, open: email_open, \"open|false\": email_open, "
                        + "\"open|true\": email_machine_open, click: email_click, bounce: email_bounce, "
                        + "unsubscribe: email_unsubscribe, spamreport: email_spam_report}}");
        field(yaml, "event_time", "{column: timestamp, format: epoch_seconds}");
        field(yaml, "email", "email");
        field(yaml, "campaign_id", "campaign_id");
        field(yaml, "touchpoint", "{const: newsletter}");
        field(yaml, "channel", "{const: email}");
        field(yaml, "url", "url");

        source(yaml, SURVEYS, "interaction", "csv", dir + "/" + SURVEYS_FILE);
        yaml.append("    mapping:\n");
        field(yaml, "source_event_id", "response_id");
        field(yaml, "event_type", "{const: survey_response}");
        field(yaml, "event_time", "submitted_at");
        field(yaml, "survey_type", "survey");
        field(yaml, "score", "score");
        field(yaml, "touchpoint", "touchpoint");
        field(yaml, "channel", "channel");
        field(yaml, "email", "respondent_email");
        field(yaml, "customer_source", "{const: " + CRM + "}");
        field(yaml, "customer_ref", "contact_id");
        field(yaml, "order_id", "order_ref");
        field(yaml, "comment", "comment");
        field(yaml, "comment_language", "language");

        source(yaml, SUPPORT, "interaction", "csv", dir + "/" + SUPPORT_FILE);
        yaml.append("    options: {timezone: UTC}\n");
        yaml.append("    mapping:\n");
        field(yaml, "source_event_id", "event_id");
        field(
                yaml,
                "event_type",
                "{column: event, values: {opened: ticket_opened, replied: ticket_replied, "
                        + "resolved: ticket_resolved, reopened: ticket_reopened}}");
        field(yaml, "event_time", "{column: event_time, format: \"yyyy-MM-dd HH:mm:ss\"}");
        field(yaml, "ticket_id", "ticket_id");
        field(yaml, "priority", "priority");
        field(yaml, "channel", "channel");
        field(yaml, "touchpoint", "{const: support}");
        field(yaml, "email", "requester_email");
        field(yaml, "customer_source", "{const: " + CRM + "}");
        field(yaml, "customer_ref", "requester_contact_id");
        field(yaml, "comment", "comment");
        field(yaml, "comment_language", "language");
        return yaml.toString();
    }

    private static void source(StringBuilder yaml, String name, String kind, String format, String path) {
        yaml.append("  - name: ").append(name).append('\n');
        yaml.append("    kind: ").append(kind).append('\n');
        yaml.append("    format: ").append(format).append('\n');
        yaml.append("    path: ").append(quoted(path)).append('\n');
    }

    private static void field(StringBuilder yaml, String canonical, String mapping) {
        yaml.append("      ").append(canonical).append(": ").append(mapping).append('\n');
    }

    /** Every spelling of a country the CRM's web form lets through, to its ISO code. */
    private static String countryValues() {
        StringBuilder values = new StringBuilder("{");
        Map<String, String> seen = new LinkedHashMap<>();
        for (Country country : Country.values()) {
            for (String name : country.countryNames()) {
                seen.putIfAbsent(name, country.name());
            }
        }
        seen.forEach((name, code) -> {
            if (values.length() > 1) {
                values.append(", ");
            }
            values.append(quoted(name)).append(": ").append(code);
        });
        return values.append('}').toString();
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
