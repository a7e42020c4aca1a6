/**
 * Bibliographic records, their physical copies and attached files, and the change log (outbox)
 * from which the search index is derived. Mongo is the source of truth for all of it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.lakou.catalogue;
