package dev.rapport.identity.record;

import java.util.Objects;

/**
 * The fields of one {@code staging.customer_records} row that resolution and the golden profile
 * use. A Flink POJO (public fields, no-argument constructor) so it travels without Kryo.
 * Timestamps are microseconds since the epoch (UTC), the birth date is days since the epoch.
 */
public class ResolutionRecord {

    public String recordId;
    public String source;
    public String sourceId;
    public String firstName;
    public String lastName;
    public String fullName;
    public String email;
    public String phone;
    public String street;
    public String city;
    public String postcode;
    public String country;
    public Integer birthDate;
    public String company;
    public String sourceCustomerRef;
    public Long createdAt;
    public Long updatedAt;
    public String emailKey;
    public String phoneE164;
    public String firstNameKey;
    public String lastNameKey;
    public String postcodeKey;
    public String nationalId;
    /** When ingestion last wrote the row (microseconds): a new value means the record changed. */
    public Long ingestedAt;

    public ResolutionRecord() {}

    public ResolutionRecord(String recordId, String source, String sourceId) {
        this.recordId = Objects.requireNonNull(recordId, "recordId is null");
        this.source = Objects.requireNonNull(source, "source is null");
        this.sourceId = Objects.requireNonNull(sourceId, "sourceId is null");
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ResolutionRecord that)) {
            return false;
        }
        return Objects.equals(recordId, that.recordId)
                && Objects.equals(source, that.source)
                && Objects.equals(sourceId, that.sourceId)
                && Objects.equals(firstName, that.firstName)
                && Objects.equals(lastName, that.lastName)
                && Objects.equals(fullName, that.fullName)
                && Objects.equals(email, that.email)
                && Objects.equals(phone, that.phone)
                && Objects.equals(street, that.street)
                && Objects.equals(city, that.city)
                && Objects.equals(postcode, that.postcode)
                && Objects.equals(country, that.country)
                && Objects.equals(birthDate, that.birthDate)
                && Objects.equals(company, that.company)
                && Objects.equals(sourceCustomerRef, that.sourceCustomerRef)
                && Objects.equals(createdAt, that.createdAt)
                && Objects.equals(updatedAt, that.updatedAt)
                && Objects.equals(emailKey, that.emailKey)
                && Objects.equals(phoneE164, that.phoneE164)
                && Objects.equals(firstNameKey, that.firstNameKey)
                && Objects.equals(lastNameKey, that.lastNameKey)
                && Objects.equals(postcodeKey, that.postcodeKey)
                && Objects.equals(nationalId, that.nationalId)
                && Objects.equals(ingestedAt, that.ingestedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(recordId, source, sourceId);
    }

    /** Ids only: the other fields may hold personal data, which never goes to a log. */
    @Override
    public String toString() {
        return "ResolutionRecord{" + recordId + ", " + source + "/" + sourceId + "}";
    }
}
