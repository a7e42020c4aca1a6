package org.lakou.members;

import java.time.Instant;

/** One staff action: who (account id and e-mail), what (action and target), when, and the outcome. */
public record AuditEntry(String id, Instant at, String actorId, String actorEmail, String action,
        String target, int status, String detail) {
}
