package dev.rapport.generate;

import java.time.Instant;

/**
 * The keys under which the CRM and ERP know a person, which later events refer to.
 *
 * @param contactId the CRM contact id, or null when the person is not in the CRM
 * @param contactEmail the email the CRM holds, or null
 * @param customerNumber the first ERP customer number, or null when the person never bought
 * @param secondCustomerNumber a duplicate ERP account, or null
 * @param secondCustomerSince when the duplicate account was opened, or null
 */
record CustomerKeys(
        String contactId,
        String contactEmail,
        String customerNumber,
        String secondCustomerNumber,
        Instant secondCustomerSince) {

    /** The ERP account an order at that time is booked on. */
    String customerNumberAt(Instant time, boolean preferSecond) {
        if (secondCustomerNumber != null && preferSecond && !time.isBefore(secondCustomerSince)) {
            return secondCustomerNumber;
        }
        return customerNumber;
    }
}
