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
            all.addAll(history.everIn(r.id()));
            return List.copyOf(all);
        }
        List<String> field = new ArrayList<>(current);
        history.remember(r.id(), current).stream().filter(s -> !current.contains(s)).forEach(s -> field.add(LEFT + s));
        return field;
    }
}
