package dev.rapport.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How each system writes dates, times and money. */
final class ExportFormats {

    static final ZoneId ERP_ZONE = ZoneId.of("Europe/Belgrade");
    private static final DateTimeFormatter SALESFORCE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ERP_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter ERP_TIME =
            DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss").withZone(ERP_ZONE);
    private static final DateTimeFormatter HELPDESK =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private ExportFormats() {}

    static String salesforceTime(Instant instant) {
        return SALESFORCE.format(instant);
    }

    static String isoInstant(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    static String erpDate(LocalDate date) {
        return ERP_DATE.format(date);
    }

    static String erpTime(Instant instant) {
        return ERP_TIME.format(instant);
    }

    static String helpdeskTime(Instant instant) {
        return HELPDESK.format(instant);
    }

    static String money(long cents) {
        long whole = cents / 100;
        long fraction = cents % 100;
        return whole + (fraction < 10 ? ".0" : ".") + fraction;
    }
}
