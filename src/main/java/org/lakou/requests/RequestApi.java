package org.lakou.requests;

import java.time.Instant;
import java.util.List;

import org.lakou.circulation.Hold;
import org.lakou.circulation.Loan;

/**
 * Documentation requests. Methods take the acting account id (staff or the requester); access
 * rules (a member sees only their own) are enforced here, so every caller gets them.
 */
public interface RequestApi {

    DocRequest submit(NewRequest request);

    /** @throws org.lakou.shared.ApiException 403 when a member asks for someone else's */
    DocRequest get(String id);

    /** Members: their own; staff: all, optionally filtered. */
    List<DocRequest> list(RequestStatus status, String assignee);

    /** How many requests have this status (staff: all; a member: their own); for the inbox badge. */
    long count(RequestStatus status);

    /** Every request submitted in {@code [from, to)}, oldest first, whoever asks: for the activity report. */
    List<DocRequest> submittedBetween(Instant from, Instant to);

    /** One member's requests, newest first, for staff; a member gets their own whatever the id. */
    List<DocRequest> ofMember(String memberId);

    DocRequest accept(String id, String note);

    DocRequest refuse(String id, String reason);

    DocRequest start(String id);

    DocRequest assign(String id, String documentalistId);

    DocRequest logAction(String id, String note, int minutes);

    DocRequest.Attachment attach(String id, String name, String mimeType, byte[] bytes);

    byte[] file(String id, String fileId);

    DocRequest answer(String id, String text, List<String> recordIds, List<String> fileIds, int minutes);

    DocRequest close(String id);

    /** Checks out a copy of a record from the answer to the requester (staff). */
    Loan lendFromAnswer(String id, String barcode);

    /** Places a hold for the requester on a record from the answer (the requester or staff). */
    Hold holdFromAnswer(String id, String recordId);
}
