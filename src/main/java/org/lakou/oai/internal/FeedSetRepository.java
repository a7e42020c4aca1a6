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

    @Override
    public boolean exists(String setSpec) {
        return catalogue.sets().containsKey(setSpec);
    }
}
