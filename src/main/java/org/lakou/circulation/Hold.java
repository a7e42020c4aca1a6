package org.lakou.circulation;

import java.time.Instant;

/**
 * A member's place in a record's queue. {@code READY}: a copy ({@code barcode}) waits for them
 * until {@code pickupBy}.
 */
public record Hold(
        String id,
        String recordId,
        String memberId,
        Instant placed,
        State state,
        int position,
        String barcode,
        Instant pickupBy,
        String requestId) {

    public enum State { WAITING, READY }
}
