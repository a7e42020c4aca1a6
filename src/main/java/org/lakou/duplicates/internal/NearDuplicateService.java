package org.lakou.duplicates.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.NearDuplicate;
import org.lakou.catalogue.NearDuplicateLookup;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordStatus;
import org.lakou.duplicates.DuplicatesProperties;
import org.lakou.duplicates.NearDuplicates;
import org.lakou.duplicates.internal.SignatureStore.Match;
import org.lakou.shared.Viewer;
import org.springframework.stereotype.Service;

/**
 * The check, in single-document steps and no transaction, with the filing in the buckets left to
 * the background ({@link PendingFiler}): write the signature (not {@code bucketed}), queue the
 * record ({@link PendingStore}), read the queue, then the record's 16 bucket documents and the
 * candidates' signatures ({@code _id $in}), keep those at the threshold, and write the matches
 * on both sides. Queue before buckets: a record the filer moves meanwhile is in one or the other,
 * and of two ingests racing, the later to queue sees the earlier. A crash before the queue write
 * leaves a signature that is not {@code bucketed}, which the start-up backfill redoes; after it,
 * the filer files the record; every step is idempotent.
 */
@Service
class NearDuplicateService implements NearDuplicates, NearDuplicateLookup {

    /** More would not help a documentalist; a text shared by hundreds of records is boilerplate. */
    static final int MAX_MATCHES = 20;

    private final SignatureStore store;
    private final BucketFiler filer;
    private final PendingStore pending;
    private final PendingFiler pendingFiler;
    private final CatalogueApi catalogue;
    private final DuplicatesProperties properties;

    NearDuplicateService(SignatureStore store, BucketFiler filer, PendingStore pending, PendingFiler pendingFiler,
            CatalogueApi catalogue, DuplicatesProperties properties) {
        this.store = store;
        this.filer = filer;
        this.pending = pending;
        this.pendingFiler = pendingFiler;
        this.catalogue = catalogue;
        this.properties = properties;
    }

    @Override
    public List<NearDuplicate> register(Record record, String fullText) {
        int[] sig = signature(record, fullText);
        store.save(record.id(), sig, List.of());
        if (sig == null) {
            pending.drop(record.id());
            return List.of();
        }
        pending.add(record.id(), sig);
        Map<String, int[]> queued = PendingStore.signatures(pending.read(0));
        Set<String> filed = new HashSet<>(filer.plan(Map.of(record.id(), sig), 0, MinHash.BANDS).candidates()
                .getOrDefault(record.id(), Set.of()));
        filed.removeAll(queued.keySet());
        Map<String, int[]> others = new HashMap<>(queued);
        others.putAll(store.signatures(filed));
        others.remove(record.id());
        Map<String, Double> close = new HashMap<>();
        others.forEach((id, other) -> {
            double s = MinHash.similarity(sig, other);
            if (s >= properties.threshold()) {
                close.put(id, s);
            }
        });
        List<NearDuplicate> found = live(close, r -> true);
        List<Match> matches = found.stream().map(d -> new Match(d.id(), d.similarity())).toList();
        if (!matches.isEmpty()) {
            store.setMatchesAndLink(record.id(), matches);
        }
        if (queued.size() >= PendingFiler.SOON) {
            pendingFiler.drainUnlessBusy();
        }
        return found;
    }

    @Override
    public List<NearDuplicate> nearDuplicates(String recordId, Viewer viewer) {
        Map<String, Double> stored = store.matches(recordId).stream()
                .collect(Collectors.toMap(Match::id, Match::similarity, Math::max));
        return live(stored, r -> r.visibleTo(viewer));
    }

    /**
     * The files' text when it is long enough to judge, else the title, subtitle and abstract: a
     * harvested copy or a record catalogued by hand has no file, and a scan no text yet.
     */
    static int[] signature(Record record, String fullText) {
        int[] sig = MinHash.signature(fullText);
        if (sig != null) {
            return sig;
        }
        String metadata = Stream.of(record.title(), record.subtitle(), record.summary())
                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining("\n"));
        return MinHash.signature(metadata);
    }

    /** Deleted and withdrawn records are dropped here rather than taken out of the buckets. */
    private List<NearDuplicate> live(Map<String, Double> similarities, java.util.function.Predicate<Record> shown) {
        if (similarities.isEmpty()) {
            return List.of();
        }
        Map<String, Record> records = catalogue.findAll(similarities.keySet()).stream()
                .collect(Collectors.toMap(Record::id, Function.identity()));
        List<NearDuplicate> out = new ArrayList<>();
        records.values().stream()
                .filter(r -> !r.deleted() && r.status() != RecordStatus.WITHDRAWN && shown.test(r))
                .forEach(r -> out.add(new NearDuplicate(r.id(), r.title(), rounded(similarities.get(r.id())))));
        out.sort(Comparator.comparingDouble(NearDuplicate::similarity).reversed().thenComparing(NearDuplicate::id));
        return out.size() > MAX_MATCHES ? List.copyOf(out.subList(0, MAX_MATCHES)) : out;
    }

    /** Signatures agree on k of 128 positions; two decimals are all the estimate is worth. */
    private static double rounded(double s) {
        return Math.round(s * 100) / 100.0;
    }
}
