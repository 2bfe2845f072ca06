package dev.rapport.generate;

import java.util.Locale;

/** The keys each system hands out, in the shape that system uses. Sequential, hence deterministic. */
final class IdSequences {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String CHECKSUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    private long contacts;
    private long customers;
    private long orders;
    private long invoices;
    private long payments;
    private long returns;
    private long responses;
    private long tickets;

    /** An 18-character Salesforce contact id: key prefix 003, then the case-safe checksum suffix. */
    String nextContactId() {
        long value = 916_132_832L + contacts++ * 7919L;
        char[] body = new char[15];
        "0035J".getChars(0, 5, body, 0);
        for (int i = 14; i >= 5; i--) {
            body[i] = BASE62.charAt((int) (value % 62));
            value /= 62;
        }
        StringBuilder id = new StringBuilder(18).append(body);
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                if (Character.isUpperCase(body[chunk * 5 + i])) {
                    bits |= 1 << i;
                }
            }
            id.append(CHECKSUM.charAt(bits));
        }
        return id.toString();
    }

    String nextCustomerNumber() {
        return String.format(Locale.ROOT, "K-%06d", ++customers);
    }

    String nextOrderNumber() {
        return String.format(Locale.ROOT, "SO-%08d", 10_000_000L + ++orders);
    }

    String nextInvoiceNumber() {
        return String.format(Locale.ROOT, "INV-%08d", ++invoices);
    }

    String nextPaymentNumber() {
        return String.format(Locale.ROOT, "PAY-%08d", ++payments);
    }

    String nextReturnNumber() {
        return String.format(Locale.ROOT, "RMA-%07d", ++returns);
    }

    String nextResponseId() {
        return String.format(Locale.ROOT, "R_%09d", ++responses);
    }

    String nextTicketId() {
        return String.valueOf(100_000L + ++tickets);
    }
}
