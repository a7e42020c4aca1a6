package org.lakou.oai.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lakou.catalogue.Record;
import org.lakou.search.IndexFieldContributor;
import org.springframework.stereotype.Component;

/**
 * Renders what the provider serves at indexing time, so a ListRecords page is a stream of stored
 * fields: the OAI state (exposed, tombstone, hidden), the set specs, the oai_dc and MODS XML. It
 * also gives every record its source centre (the facet of the union catalogue) and its work key,
 * which groups the copies of one work held by several centres.
 */
@Component
class OaiIndexContributor implements IndexFieldContributor {

    static final String STATE = "oai_state_s";
    static final String SETS = "oai_sets_ss";
    static final String OAI_DC = "oai_dc_xml";
    static final String MODS = "mods_xml";
    static final String SOURCE = "source_s";
    static final String WORK = "work_s";
    /**
     * Marks, in {@link #SETS}, a set the record was exposed in and has left. '#' cannot occur in a
     * set spec, so the marker never collides with a real one.
     */
    static final String LEFT = "#left ";

    private final OaiProperties properties;
    private final SetSpecs sets;
    private final DublinCoreRenderer dc;
    private final ModsRenderer mods;
    private final SetHistory history;

    OaiIndexContributor(OaiProperties properties, SetSpecs sets, DublinCoreRenderer dc, ModsRenderer mods,
            SetHistory history) {
        this.properties = properties;
        this.sets = sets;
        this.dc = dc;
        this.mods = mods;
        this.history = history;
    }

    /**
     * The set histories of the batch being indexed, read and written in one go by {@link #prepare};
     * per thread, since only the indexer thread prepares. Keyed by id and version, so a later
     * version of a record is never served a stale history; a record missing here is looked up alone.
     */
    private final ThreadLocal<Map<String, Set<String>>> prepared = ThreadLocal.withInitial(Map::of);

    @Override
    public void prepare(List<Record> batch) {
        Map<String, List<String>> exposed = new HashMap<>();
        List<String> tombstones = new ArrayList<>();
        for (Record r : batch) {
            switch (OaiVisibility.of(r)) {
                case EXPOSED -> exposed.put(r.id(), sets.of(r));
                case TOMBSTONE -> tombstones.add(r.id());
                case HIDDEN -> { }
            }
        }
        Map<String, Set<String>> byId = new HashMap<>(history.rememberAll(exposed));
        history.everIn(tombstones).forEach(byId::putIfAbsent);
        tombstones.forEach(id -> byId.putIfAbsent(id, Set.of()));
        Map<String, Set<String>> ever = new HashMap<>();
        batch.forEach(r -> {
            if (byId.containsKey(r.id())) {
                ever.put(key(r), byId.get(r.id()));
            }
        });
        prepared.set(ever);
    }

    private static String key(Record r) {
        return r.id() + "@" + r.version();
    }

    @Override
    public Map<String, Object> fieldsFor(Record r) {
        Map<String, Object> f = new HashMap<>();
        OaiVisibility visibility = OaiVisibility.of(r);
        f.put(STATE, visibility.code());
        f.put(SOURCE, r.isHarvested() ? r.provenance().sourceName() : properties.repositoryName());
        String work = WorkKeys.of(r);
        if (work != null) {
            f.put(WORK, work);
        }
        if (visibility != OaiVisibility.HIDDEN) {
            f.put(SETS, setsField(r, visibility));
        }
        if (visibility == OaiVisibility.EXPOSED) {
            f.put(OAI_DC, dc.render(r));
            f.put(MODS, mods.render(r));
        }
        return f;
    }

    /**
     * An exposed record: its sets, plus a {@link #LEFT} marker for each set it was exposed in before
     * and no longer is. A tombstone: every set it was ever in, so each of them reports the deletion.
     */
    private List<String> setsField(Record r, OaiVisibility visibility) {
        List<String> current = sets.of(r);
        if (visibility == OaiVisibility.TOMBSTONE) {
            Set<String> all = new LinkedHashSet<>(current);
            Set<String> ever = prepared.get().get(key(r));
            all.addAll(ever != null ? ever : history.everIn(r.id()));
            return List.copyOf(all);
        }
        List<String> field = new ArrayList<>(current);
        Set<String> ever = prepared.get().get(key(r));
        // prepared for exactly these sets, so nothing new to remember
        (ever != null && ever.containsAll(current) ? ever : history.remember(r.id(), current)).stream().filter(s -> !current.contains(s)).forEach(s -> field.add(LEFT + s));
        return field;
    }
}
