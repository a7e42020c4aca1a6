package org.lakou.members;

import java.util.List;

/**
 * The audit log of staff actions. Every state-changing API call by staff is recorded by the web
 * layer (records, copies, loans, members, requests, ingest, thesaurus alike), so modules below
 * {@code members} are audited without depending on it; modules may add their own entries.
 */
public interface AuditLog {

    /**
     * Records an action by the current account (from the security context), or by {@code system}
     * when there is none (CLI, background jobs).
     */
    void record(String action, String target, int status, String detail);

    /** Newest first; {@code actorId} null for everyone. A rare, staff-only read. */
    List<AuditEntry> recent(String actorId, int limit);

    /**
     * Newest first, the entries whose target contains {@code text} (a record id names its API and
     * page addresses alike). A scan of the log: a staff page reads it for one record at a time.
     */
    List<AuditEntry> about(String text, int limit);
}
