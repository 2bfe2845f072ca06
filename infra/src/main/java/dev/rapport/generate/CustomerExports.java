package dev.rapport.generate;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Writes a person's CRM contacts, ERP customer records and their ground-truth rows. */
final class CustomerExports {

    private static final List<String> LEAD_SOURCES = List.of(
            "Web",
            "Web",
            "Newsletter Signup",
            "Partner Referral",
            "Trade Show",
            "Phone Inquiry",
            "Advertisement",
            "Word of mouth");

    private final SourceFile crm;
    private final SourceFile erp;
    private final SourceFile groundTruth;
    private final IdSequences ids;
    private final Instant end;

    CustomerExports(SourceFile crm, SourceFile erp, SourceFile groundTruth, IdSequences ids, Instant end) {
        this.crm = requireNonNull(crm, "crm is null");
        this.erp = requireNonNull(erp, "erp is null");
        this.groundTruth = requireNonNull(groundTruth, "groundTruth is null");
        this.ids = requireNonNull(ids, "ids is null");
        this.end = requireNonNull(end, "end is null");
    }

    CustomerKeys write(Person person, Journey journey, SplittableRandom random) {
        String customerNumber = null;
        String secondNumber = null;
        Instant secondSince = null;
        if (journey.customer()) {
            customerNumber = ids.nextCustomerNumber();
            writeErp(person, customerNumber, journey.firstPurchase(), random);
            if (journey.duplicateCustomer()) {
                secondNumber = ids.nextCustomerNumber();
                secondSince = between(journey.firstPurchase(), end, random);
                writeErp(person, secondNumber, secondSince, random);
            }
        }
        String contactId = null;
        String contactEmail = null;
        if (journey.inCrm()) {
            contactId = ids.nextContactId();
            boolean linkAccount = customerNumber != null && random.nextDouble() < 0.55;
            contactEmail =
                    writeCrm(person, contactId, true, journey.firstTouch(), linkAccount ? customerNumber : "", random);
            if (journey.duplicateContact()) {
                // A second contact for the same person, e.g. a later web sign-up nobody merged.
                writeCrm(person, ids.nextContactId(), false, between(journey.firstTouch(), end, random), "", random);
            }
        }
        return new CustomerKeys(contactId, contactEmail, customerNumber, secondNumber, secondSince);
    }

    private String writeCrm(
            Person person, String id, boolean older, Instant created, String accountNumber, SplittableRandom random) {
        Country country = person.country();
        IdentityTraps.Name name = IdentityTraps.crmName(person, older, random);
        boolean cyrillic = isCyrillic(name.last());
        Address address = older && person.previousAddress() != null && random.nextDouble() < 0.8
                ? person.previousAddress()
                : person.address();
        String email = crmEmail(person, random);
        String street = random.nextDouble() < 0.08 ? "" : place(country, address.street(), cyrillic);
        if (!street.isEmpty() && !address.line2().isEmpty()) {
            // Salesforce keeps extra address lines in MailingStreet, separated by a line break.
            street = street + "\n" + address.line2();
        }
        String postcode = address.postcode();
        if (country == Country.LT && random.nextDouble() < 0.4) {
            postcode = postcode.substring(3);
        } else if (country == Country.GB && random.nextDouble() < 0.1) {
            postcode = postcode.replace(" ", "").toLowerCase(Locale.ROOT);
        }
        String region =
                country == Country.US || random.nextDouble() < 0.6 ? place(country, address.region(), cyrillic) : "";
        String birthDate = random.nextDouble() < 0.6 ? person.birthDate().toString() : "";
        Instant modified = between(created, end, random);
        String[] row = {
            id,
            name.first(),
            name.last(),
            email,
            phone(person, random.nextDouble() < 0.15, random),
            street,
            random.nextDouble() < 0.03 ? "" : place(country, address.city(), cyrillic),
            postcode,
            region,
            country.countryName(random),
            birthDate,
            person.firm() == null ? "" : person.firm().name(),
            accountNumber,
            Country.pickFrom(LEAD_SOURCES, random),
            ExportFormats.salesforceTime(created),
            ExportFormats.salesforceTime(modified)
        };
        if (MalformedRecords.breakThisOne(random)) {
            if (random.nextBoolean()) {
                row[0] = "";
            } else {
                LocalDate date = person.birthDate();
                row[10] = String.format(
                        Locale.ROOT, "%02d/%02d/%d", date.getMonthValue(), date.getDayOfMonth(), date.getYear());
            }
            crm.malformedRow(row);
        } else {
            crm.row(row);
        }
        if (!row[0].isEmpty()) {
            groundTruth.row(GeneratedSources.CRM, row[0], person.personId());
        }
        return email.isEmpty() ? null : email;
    }

    private void writeErp(Person person, String number, Instant created, SplittableRandom random) {
        Country country = person.country();
        IdentityTraps.Name name = IdentityTraps.erpName(person, random);
        Address address = person.address();
        String street = ScriptTransliterator.russianToLatin(address.street(), false)
                + (address.line2().isEmpty() ? "" : ", " + address.line2());
        String email;
        if (person.firm() != null && random.nextDouble() < 0.5) {
            email = person.firm().genericMailbox();
        } else if (random.nextDouble() < 0.15) {
            email = "";
        } else {
            email = random.nextDouble() < 0.25 ? EmailAddresses.variant(person.email(), random) : person.email();
        }
        boolean withBirthDate = random.nextDouble() < 0.5;
        String[] row = {
            number,
            name.last() + ", " + name.first(),
            person.firm() == null ? "" : person.firm().name(),
            street,
            address.postcode(),
            ScriptTransliterator.russianToLatin(address.city(), false),
            random.nextDouble() < 0.03 ? "" : country.name(),
            phone(person, random.nextDouble() < 0.10, random),
            email,
            withBirthDate ? ExportFormats.erpDate(person.birthDate()) : "",
            country == Country.RS && random.nextDouble() < 0.2
                    ? Jmbg.of(person.birthDate(), person.female(), random)
                    : "",
            ExportFormats.erpTime(created),
            ExportFormats.erpTime(between(created, end, random))
        };
        if (MalformedRecords.breakThisOne(random)) {
            if (random.nextBoolean()) {
                row[0] = "";
            } else {
                LocalDate date = person.birthDate();
                row[9] = String.format(Locale.ROOT, "%02d.13.%d", date.getDayOfMonth(), date.getYear());
            }
            erp.malformedRow(row);
        } else {
            erp.row(row);
        }
        if (!row[0].isEmpty()) {
            groundTruth.row(GeneratedSources.ERP, row[0], person.personId());
        }
    }

    private static String crmEmail(Person person, SplittableRandom random) {
        double r = random.nextDouble();
        if (r < 0.03) {
            return "";
        }
        if (person.firm() != null && r < 0.40) {
            return person.firm().genericMailbox();
        }
        if (person.firm() != null && r < 0.70) {
            return EmailAddresses.atFirm(
                    NameForms.latin(person.country(), person.firstName(), false),
                    person.lastName(),
                    person.country(),
                    person.firm());
        }
        return random.nextDouble() < 0.25 ? EmailAddresses.variant(person.email(), random) : person.email();
    }

    /** A phone as this record has it: local or international, spaced or compact, or missing. */
    private static String phone(Person person, boolean missing, SplittableRandom random) {
        if (missing) {
            return "";
        }
        PhoneFormatter.Style style =
                PhoneFormatter.Style.values()[random.nextInt(PhoneFormatter.Style.values().length)];
        return PhoneFormatter.format(person.country(), person.phoneNsn(), style);
    }

    private static String place(Country country, String canonical, boolean cyrillic) {
        return country == Country.RU && !cyrillic ? ScriptTransliterator.russianToLatin(canonical, false) : canonical;
    }

    private static boolean isCyrillic(String text) {
        return !text.isEmpty() && Character.UnicodeScript.of(text.codePointAt(0)) == Character.UnicodeScript.CYRILLIC;
    }

    static Instant between(Instant from, Instant to, SplittableRandom random) {
        long seconds = Duration.between(from, to).getSeconds();
        return seconds <= 1 ? from : from.plusSeconds((long) (random.nextDouble() * seconds));
    }
}
