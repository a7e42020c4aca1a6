package org.lakou.duplicates.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Files records in their LSH buckets, one record or many at a time, in two steps: {@link #plan}
 * reads the buckets (one {@code _id $in} per thousand documents) and works out, for each record,
 * the candidates it meets and the entries it joins; {@link #commit} writes them. Many records are
 * filed as if one after the other, in the order given: a record meets what its key held plus the
 * records of the batch before it, up to {@link BandStore#CAP}, exactly what filing them one by
 * one would give, but each bucket document is read and written once per batch, not once per record.
 */
@Component
class BucketFiler {

    /**
     * @param candidates for each record filed, the records it met in its buckets
     * @param additions  document id, then entry, then the records that join it
     * @param existing   which of those documents exist already
     */
    record Plan(Map<String, Set<String>> candidates, Map<String, Map<String, List<String>>> additions,
            Set<String> existing) {
    }

    private final BandStore bands;

    BucketFiler(BandStore bands) {
        this.bands = bands;
    }

    /** Plans the filing of {@code signatures} (record id to signature, in filing order) in bands [from, to). */
    Plan plan(Map<String, int[]> signatures, int fromBand, int toBand) {
        Map<String, Map<String, List<String>>> batch = new LinkedHashMap<>();
        for (int band = fromBand; band < toBand; band++) {
            for (Map.Entry<String, int[]> e : signatures.entrySet()) {
                String key = MinHash.bandKey(e.getValue(), band);
                batch.computeIfAbsent(BandStore.docId(key), x -> new LinkedHashMap<>())
                        .computeIfAbsent(BandStore.entry(key), x -> new ArrayList<>()).add(e.getKey());
            }
        }
        Map<String, Map<String, List<String>>> stored = bands.read(batch.keySet());
        Map<String, Set<String>> candidates = new HashMap<>();
        Map<String, Map<String, List<String>>> additions = new HashMap<>();
        batch.forEach((docId, entries) -> entries.forEach((entry, ids) -> {
            List<String> held = stored.getOrDefault(docId, Map.of()).getOrDefault(entry, List.of());
            // a rerun after a crash finds the batch's own records already there: they are filed anew
            List<String> seen = new ArrayList<>(held.stream().filter(id -> !signatures.containsKey(id)).toList());
            for (String id : ids) {
                seen.stream().limit(BandStore.CAP).forEach(o -> candidates.computeIfAbsent(id, x -> new HashSet<>()).add(o));
                if (seen.size() < BandStore.CAP) {
                    seen.add(id);
                    additions.computeIfAbsent(docId, x -> new HashMap<>()).computeIfAbsent(entry, x -> new ArrayList<>())
                            .add(id);
                }
            }
        }));
        return new Plan(candidates, additions, stored.keySet());
    }

    void commit(Plan plan) {
        bands.add(plan.additions(), plan.existing());
    }
}
