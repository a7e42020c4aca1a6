package org.lakou.circulation.internal;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.lakou.circulation.Loan;

/**
 * The claim on a copy: {@code loans/_id = barcode}. Its existence is what makes the copy taken,
 * either by a loan ({@code state=loan}) or for a hold awaiting pickup ({@code state=held}).
 */
record Claim(
        String barcode,
        String state,
        String loanId,
        String holdId,
        String memberId,
        String recordId,
        String category,
        String documentType,
        Instant checkedOut,
        Instant due,
        int renewals,
        int slot,
        Instant pickupBy,
        Instant claimedAt) {

    static final String LOAN = "loan";
    static final String HELD = "held";

    boolean isLoan() {
        return LOAN.equals(state);
    }

    boolean isHeld() {
        return HELD.equals(state);
    }

    Loan toLoan(Instant now) {
        return new Loan(loanId, barcode, recordId, memberId, checkedOut, due, renewals, due.isBefore(now));
    }

    Document toDocument() {
        Document d = new Document("_id", barcode).append("state", state).append("memberId", memberId)
                .append("recordId", recordId).append("claimedAt", date(claimedAt));
        if (isLoan()) {
            d.append("loanId", loanId).append("category", category).append("documentType", documentType)
                    .append("checkedOut", date(checkedOut)).append("due", date(due)).append("renewals", renewals)
                    .append("slot", slot);
        } else {
            d.append("holdId", holdId).append("pickupBy", date(pickupBy));
        }
        return d;
    }

    static Claim of(Document d) {
        return new Claim(d.getString("_id"), d.getString("state"), d.getString("loanId"), d.getString("holdId"),
                d.getString("memberId"), d.getString("recordId"), d.getString("category"),
                d.getString("documentType"), instant(d, "checkedOut"), instant(d, "due"),
                d.getInteger("renewals", 0), d.getInteger("slot", 0), instant(d, "pickupBy"),
                instant(d, "claimedAt"));
    }

    static Date date(Instant i) {
        return i == null ? null : Date.from(i);
    }

    static Instant instant(Document d, String field) {
        Date v = d.getDate(field);
        return v == null ? null : v.toInstant();
    }
}
