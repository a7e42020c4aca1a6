package org.lakou.oai.internal;

import java.util.List;

import io.gdcc.xoai.dataprovider.model.Set;
import io.gdcc.xoai.dataprovider.repository.SetRepository;

/** XOAI's set repository over the set catalogue. */
final class FeedSetRepository implements SetRepository {

    private final SetCatalogue catalogue;

    FeedSetRepository(SetCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public boolean supportSets() {
        return true;
    }

    @Override
    public List<Set> getSets() {
        return catalogue.sets().entrySet().stream().map(e -> new Set(e.getKey()).withName(e.getValue())).toList();
    }

    /**
     * The set list is cached, and a collection appears with its first record: any spec of the
     * three families is accepted, and one that holds nothing simply matches no record.
     */
    @Override
    public boolean exists(String setSpec) {
        return setSpec.startsWith(SetSpecs.TYPE) || setSpec.startsWith(SetSpecs.COLLECTION)
                || setSpec.startsWith(SetSpecs.SUBJECT) || catalogue.sets().containsKey(setSpec);
    }
}
