/**
 * Upload and batch import of documents: the file store (GridFS, one file per SHA-256), duplicate
 * detection, bounded Tika extraction in child JVMs, and the quarantine for files that cannot be
 * read. Subject suggestions for a new draft come from the search module, its near-duplicates from the duplicates module. Tika types never leave this module; other modules see {@link org.lakou.ingest.IngestApi}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalogue", "duplicates", "search", "shared"})
package org.lakou.ingest;
