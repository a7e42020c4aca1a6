/**
 * Atom feeds (RFC 4287) to follow the catalogue: what is new, any search, a thesaurus concept.
 * Built with ROME from the search module's public API, searching as an anonymous reader, so a
 * feed never lists what the public may not see.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"search", "catalogue", "thesaurus", "shared"})
package org.lakou.feeds;
