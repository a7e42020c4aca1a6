/**
 * Near-duplicate detection: the same report exported twice, a version 2 with a corrected page, a
 * partner's copy of a local record. Each record's text gets a MinHash signature over word
 * shingles; LSH band buckets, stored as {@code _id}-keyed documents, find the candidates, and the
 * full signatures decide. Ingest and the harvester call {@link org.lakou.duplicates.NearDuplicates};
 * the catalogue shows the result on the record through {@link org.lakou.catalogue.NearDuplicateLookup}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalogue", "shared"})
package org.lakou.duplicates;
