package org.lakou.oai.internal;

import java.util.HashMap;
import java.util.Map;

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

    private final OaiProperties properties;
    private final SetSpecs sets;
    private final DublinCoreRenderer dc;
    private final ModsRenderer mods;

    OaiIndexContributor(OaiProperties properties, SetSpecs sets, DublinCoreRenderer dc, ModsRenderer mods) {
        this.properties = properties;
        this.sets = sets;
        this.dc = dc;
        this.mods = mods;
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
            f.put(SETS, sets.of(r));
        }
        if (visibility == OaiVisibility.EXPOSED) {
            f.put(OAI_DC, dc.render(r));
            f.put(MODS, mods.render(r));
        }
        return f;
    }
}
