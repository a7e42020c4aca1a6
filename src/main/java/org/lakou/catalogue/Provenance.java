package org.lakou.catalogue;

import java.time.Instant;

/**
 * Where a harvested record comes from: the partner source, the record's OAI identifier there and
 * its datestamp at the partner. A record with a provenance is a read-only copy: only the harvester
 * changes it, through {@link CatalogueApi#upsertHarvested} and {@link CatalogueApi#removeHarvested}.
 */
public record Provenance(String sourceId, String sourceName, String oaiIdentifier, Instant datestamp) {
}
