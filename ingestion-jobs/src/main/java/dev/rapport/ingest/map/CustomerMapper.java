package dev.rapport.ingest.map;

import static java.util.Objects.requireNonNull;

import dev.rapport.ingest.config.SourceConfig;
import dev.rapport.ingest.normalize.CountryNormalizer;
import dev.rapport.ingest.normalize.EmailNormalizer;
import dev.rapport.ingest.normalize.NameNormalizer;
import dev.rapport.ingest.normalize.PhoneNormalizer;
import dev.rapport.ingest.normalize.PostcodeNormalizer;
import dev.rapport.ingest.normalize.RecordIds;
import dev.rapport.ingest.normalize.TemporalNormalizer;
import dev.rapport.ingest.reject.ErrorCode;
import dev.rapport.ingest.reject.RecordException;
import dev.rapport.schemas.avro.CustomerRecord;
import java.time.Instant;

/**
 * Maps a source row to a validated, normalized {@link CustomerRecord}.
 *
 * <p>Policy: a missing {@code source_id}, or an optional field that is present but cannot be read
 * (birth date, timestamps, country), rejects the record, so nothing half-read is stored. An invalid
 * email is kept out (email and email_key empty) without rejecting the record: the record still has
 * its source id and other identifiers. A phone that does not parse keeps its raw text with an empty
 * E.164.
 */
public final class CustomerMapper {

    private final SourceConfig source;
    private final String runId;
    private final Instant ingestedAt;
    private final TemporalNormalizer temporal;
    private final EmailNormalizer emails = new EmailNormalizer();
    private final PhoneNormalizer phones = new PhoneNormalizer();
    private final NameNormalizer names = new NameNormalizer();
    private final CountryNormalizer countries = new CountryNormalizer();
    private final PostcodeNormalizer postcodes = new PostcodeNormalizer();

    public CustomerMapper(SourceConfig source, String runId, Instant ingestedAt) {
        this.source = requireNonNull(source, "source is null");
        this.runId = requireNonNull(runId, "runId is null");
        this.ingestedAt = requireNonNull(ingestedAt, "ingestedAt is null");
        this.temporal = new TemporalNormalizer(source.timezone());
    }

    public CustomerRecord map(SourceRow row, String location) throws RecordException {
        MappedRecord fields = new MappedRecord(source, row, temporal);
        CustomerRecord record = new CustomerRecord();
        String sourceId = fields.required("source_id");
        record.setRecordId(RecordIds.of(source.name(), sourceId));
        record.setSource(source.name());
        record.setSourceId(sourceId);

        String firstName = names.clean(fields.text("first_name"));
        String lastName = names.clean(fields.text("last_name"));
        String fullName = names.clean(fields.text("full_name"));
        if (fullName == null && (firstName != null || lastName != null)) {
            fullName = names.clean((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName));
        }
        record.setFirstName(firstName);
        record.setLastName(lastName);
        record.setFullName(fullName);
        record.setFirstNameKey(names.key(firstName));
        record.setLastNameKey(names.key(lastName));

        String country = null;
        String rawCountry = fields.text("country");
        if (rawCountry != null) {
            country = countries
                    .normalize(rawCountry)
                    .orElseThrow(() -> new RecordException(
                            ErrorCode.INVALID_COUNTRY,
                            "country",
                            "country is not a known country name or ISO 3166-1 code (e.g. RS, SRB, Serbia)"));
        }
        record.setCountry(country);

        emails.normalize(fields.text("email")).ifPresent(email -> {
            record.setEmail(email);
            record.setEmailKey(emails.key(email));
        });
        String phone = fields.text("phone");
        record.setPhone(phone);
        record.setPhoneE164(phones.toE164(phone, country != null ? country : source.defaultCountry())
                .orElse(null));

        record.setStreet(names.clean(fields.text("street")));
        record.setAddressLine2(names.clean(fields.text("address_line2")));
        record.setCity(names.clean(fields.text("city")));
        String postcode = fields.text("postcode");
        record.setPostcode(postcode);
        record.setPostcodeKey(postcodes.key(postcode));
        record.setRegion(names.clean(fields.text("region")));
        record.setBirthDate(fields.date("birth_date"));
        record.setNationalId(fields.text("national_id"));
        record.setCompany(names.clean(fields.text("company")));
        record.setSourceCustomerRef(fields.text("source_customer_ref"));
        record.setCreatedAt(fields.timestamp("created_at"));
        record.setUpdatedAt(fields.timestamp("updated_at"));
        record.setEmailOptOut(OptOutFlag.read(fields.text("email_opt_out"), "email_opt_out"));
        record.setSmsOptOut(OptOutFlag.read(fields.text("sms_opt_out"), "sms_opt_out"));
        record.setPhoneOptOut(OptOutFlag.read(fields.text("phone_opt_out"), "phone_opt_out"));
        record.setSourceLocation(location);
        record.setIngestedAt(ingestedAt);
        record.setIngestRunId(runId);
        return record;
    }
}
