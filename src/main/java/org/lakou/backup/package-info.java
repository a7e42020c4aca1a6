/**
 * Backup and restore of everything MongoDB holds as source of truth: one zip per backup, with a
 * canonical Extended JSON file per collection, the stored files' bytes, and a manifest of counts
 * and SHA-256 checksums. Collections are read generically by name from an explicit inventory, in
 * an order chosen so that a backup taken while Lakou runs has no dangling references (see
 * docs/backup.md). Solr is derived and never backed up: a restore rebuilds it through
 * {@link org.lakou.search.SearchApi}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"search", "shared"})
package org.lakou.backup;
