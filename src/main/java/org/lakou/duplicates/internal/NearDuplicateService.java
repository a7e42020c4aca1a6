package org.lakou.duplicates.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
 * The check, in single-document steps and no transaction: read the record's 32 bucket documents
 * and the candidates' signatures (two {@code _id $in} queries), keep those at the threshold, then write
 * the signature first, the bucket entries next, the reverse links, and last {@code bucketed}.
 * A crash anywhere before that last write leaves a signature that is not {@code bucketed}, which
 * the start-up backfill redoes from the beginning; every step is idempotent.
 */
@Service
class NearDuplicateService implements NearDuplicates, NearDuplicateLookup {

    /** More would not help a documentalist; a text shared by hundreds of records is boilerplate. */
    static final int MAX_MATCHES = 20;

    private final SignatureStore store;
    private final BucketFiler filer;
    private final CatalogueApi catalogue;
    private final DuplicatesProperties properties;

    NearDuplicateService(SignatureStore store, BucketFiler filer, CatalogueApi catalogue,
            DuplicatesProperties properties) {
        this.store = store;
        this.filer = filer;
        this.catalogue = catalogue;
        this.properties = properties;
    }

    @Override
    public List<NearDuplicate> register(Record record, String fullText) {
        int[] sig = signature(record, fullText);
        if (sig == null) {
            store.save(record.id(), null, List.of());
            return List.of();
        }
        BucketFiler.Plan plan = filer.plan(Map.of(record.id(), sig), 0, MinHash.BANDS);
        Map<String, Double> close = new HashMap<>();
        store.signatures(plan.candidates().getOrDefault(record.id(), Set.of())).forEach((id, other) -> {
            double s = MinHash.similarity(sig, other);
            if (s >= properties.threshold()) {
                close.put(id, s);
            }
        });
        List<NearDuplicate> found = live(close, r -> true);
        List<Match> matches = found.stream().map(d -> new Match(d.id(), d.similarity())).toList();
        store.save(record.id(), sig, matches);
        filer.commit(plan);
        matches.forEach(m -> store.link(m.id(), new Match(record.id(), m.similarity())));
        store.markBucketed(record.id());
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
