/**
 * Upload and batch import of documents: the file store (GridFS, one file per SHA-256), duplicate
 * detection, bounded Tika extraction in child JVMs, and the quarantine for files that cannot be
 * read. Its {@code web} package also holds the staff desk's cataloguing pages (upload, drafts, review
 * screen, record editor, quarantine), which show who uploaded a draft and a record's history from
 * the members module's audit log. Subject suggestions for a new draft come from the search module,
 * its near-duplicates from the duplicates module. Tika types never leave this module; other modules
 * see {@link org.lakou.ingest.IngestApi}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalogue", "duplicates", "search", "members",
    "shared"})
package org.lakou.ingest;
