package org.lakou.backup.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every MongoDB collection Lakou writes, by name, and what a backup does with it. The order of
 * {@link #BACKED_UP} is the copy order, and it is what keeps a backup taken while Lakou runs
 * consistent without transactions: a collection is copied before the ones it points to, and what
 * is pointed to is never hard-deleted (records are tombstoned, members and stored files stay). So
 * whatever a loan, hold, request or alert names was already there when it was read, and is still
 * there, at least as a tombstone, when its own collection is read later. Registries that point
 * back at records ({@code copy_barcodes}, {@code file_index}, texts) come after the records: a
 * claim whose record is absent is one Lakou already treats as stale and frees.
 * <p>
 * {@code InventoryTest} fails when the database holds a collection that is in neither list, so a
 * new collection cannot be forgotten silently.
 */
final class Inventory {

    /** A collection, or a GridFS bucket ({@code bucket.files} + {@code bucket.chunks}). */
    record Item(String name, boolean bucket) {
        List<String> collections() {
            return bucket ? List.of(name + ".files", name + ".chunks") : List.of(name);
        }
    }

    static final List<Item> BACKED_UP = Stream.of(
            // state that points at nothing below, or only at records and members
            "oai_settings", "circulation_policies", "notices_sent", "download_counts", "ingest_jobs", "quarantine",
            "harvest_runs", "alert_digests", "audit_log",
            // what points at records (and members)
            "alerts", "doc_requests", "request_files", "holds", "loans", "loan_slots", "loan_history",
            "loan_history_keys", "subject_decisions", "oai_set_history",
            // members, after everything that names them
            "members", "member_emails", "api_tokens",
            "records",
            // what records point at, and registries that point back at records
            "record_texts", "record_uploaders", "copy_barcodes", "file_index", "bucket:files", "harvest_sources",
            "thesaurus_schemes", "thesaurus_versions", "bucket:thesaurus", "thesaurus_local")
            .map(n -> n.startsWith("bucket:") ? new Item(n.substring(7), true) : new Item(n, false))
            .toList();

    /** Left out on purpose, with the reason (docs/backup.md lists the same). */
    static final Map<String, String> SKIPPED = Map.ofEntries(
            Map.entry("index_queue", "the indexing outbox: a restore rebuilds the whole index from the records"),
            Map.entry("index_feed_inflight", "an indexer's in-flight announcement, expires in 60 s"),
            Map.entry("job_leases", "which node runs which background job now"),
            Map.entry("login_throttle", "failed-login counters of the last minutes"),
            Map.entry("password_resets", "single-use reset links valid for minutes; a restore must not revive them"),
            Map.entry("app_nodes", "the nodes' heartbeats: which node is alive now"),
            Map.entry("desk_uploads", "the upload page's per-file progress, polled for the minutes an upload takes"),
            Map.entry("near_dup_signatures", "derived from the records' texts; the start-up backfill recomputes them"),
            Map.entry("near_dup_buckets", "the former layout of the bands, dropped by the start-up backfill"),
            Map.entry("near_dup_bands", "derived from the signatures; the start-up backfill recomputes them"),
            Map.entry("near_dup_pending", "records waiting to be filed into the bands; derived from the signatures"));

    /**
     * Written by Lakou itself on any start, the restore command's included (the generated OAI token
     * key): not data that makes a database "not empty", and replaced by the backup's copy.
     */
    static final java.util.Set<String> SEEDED_AT_START = java.util.Set.of("oai_settings");

    private Inventory() {
    }

    static List<String> backedUpCollections() {
        return BACKED_UP.stream().flatMap(i -> i.collections().stream()).toList();
    }

    /** True for a collection the database may hold that this inventory knows (server system collections too). */
    static boolean known(String collection) {
        return collection.startsWith("system.") || SKIPPED.containsKey(collection)
                || backedUpCollections().contains(collection);
    }
}
