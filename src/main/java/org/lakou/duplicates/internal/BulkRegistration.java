package org.lakou.duplicates.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.lakou.duplicates.DuplicatesProperties;
import org.lakou.duplicates.internal.SignatureStore.Match;
import org.springframework.stereotype.Component;

/**
 * Registers many records at once: the start-up backfill of a centre that upgrades with a large
 * collection, and the benchmark's set-up. The result is what {@link NearDuplicateService#register}
 * one record after the other would store, but the buckets are filed one band at a time for the
 * whole batch (each bucket document read and written once per batch), and the signatures go in by
 * insertMany. Order, for a crash: buckets, then the other records' links, then the signatures,
 * complete; a record left without a signature is redone by the next backfill (every step idempotent).
 *
 * <p>Matches are stored without the live-record filter of a single registration (a deleted record
 * is left out when matches are shown, as for any match that outlives its record).
 */
@Component
class BulkRegistration {

    /** A match to record on an already registered record's side. */
    private record Link(String holder, Match match) {
    }

    /** Records per batch: 50,000 signatures are 25 MB in memory; more would not make it faster. */
    static final int MAX_BATCH = 50_000;

    private final BucketFiler filer;
    private final PendingFiler pendingFiler;
    private final SignatureStore store;
    private final DuplicatesProperties properties;

    BulkRegistration(BucketFiler filer, PendingFiler pendingFiler, SignatureStore store,
            DuplicatesProperties properties) {
        this.filer = filer;
        this.pendingFiler = pendingFiler;
        this.store = store;
        this.properties = properties;
    }

    /**
     * @param signatures record id to signature (null: too little text, stored as such), in filing
     *                   order; at most {@link #MAX_BATCH}
     */
    void register(Map<String, int[]> signatures) {
        if (signatures.size() > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " records per batch");
        }
        if (signatures.isEmpty()) {
            return;
        }
        // the batch meets the records filed in the buckets only: the queued ones must be there first
        pendingFiler.drain();
        Map<String, int[]> withText = new LinkedHashMap<>();
        signatures.forEach((id, sig) -> {
            if (sig != null) {
                withText.put(id, sig);
            }
        });
        Map<String, Map<String, Double>> matches = new HashMap<>();
        signatures.keySet().forEach(id -> matches.put(id, new HashMap<>()));
        Map<String, Set<String>> candidates = new HashMap<>();
        for (int band = 0; band < MinHash.BANDS; band++) {
            BucketFiler.Plan plan = filer.plan(withText, band, band + 1);
            filer.commit(plan);
            plan.candidates().forEach((id, others) -> candidates.computeIfAbsent(id, x -> new HashSet<>())
                    .addAll(others));
        }
        List<Link> links = new ArrayList<>();
        Map<String, int[]> stored = store.signatures(candidates.values().stream().flatMap(Set::stream)
                .filter(id -> !withText.containsKey(id)).distinct().toList());
        candidates.forEach((id, others) -> others.forEach(other -> {
            int[] theirs = withText.containsKey(other) ? withText.get(other) : stored.get(other);
            double s = theirs == null ? 0 : MinHash.similarity(withText.get(id), theirs);
            if (s >= properties.threshold()) {
                double rounded = Math.round(s * 100) / 100.0;
                matches.get(id).put(other, rounded);
                if (matches.containsKey(other)) {
                    matches.get(other).put(id, rounded);
                } else {
                    links.add(new Link(other, new Match(id, rounded)));
                }
            }
        }));
        links.forEach(l -> store.link(l.holder(), l.match()));
        List<Document> docs = new ArrayList<>(signatures.size());
        signatures.forEach((id, sig) -> docs.add(SignatureStore.document(id, sig, best(matches.get(id)), true)));
        store.replaceAll(docs);
    }

    /** The {@link NearDuplicateService#MAX_MATCHES} most similar, as a single registration keeps. */
    private static Map<String, Double> best(Map<String, Double> all) {
        if (all.size() <= NearDuplicateService.MAX_MATCHES) {
            return all;
        }
        Map<String, Double> out = new HashMap<>();
        all.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey())).limit(NearDuplicateService.MAX_MATCHES)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
