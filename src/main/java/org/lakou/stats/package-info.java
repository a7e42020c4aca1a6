/**
 * The centre's activity report. Usage (file downloads, by record and member category) is counted
 * here from the other modules' events, in per-day counters, because usage, unlike the catalogue or
 * the loans, cannot be rebuilt afterwards from anything else. Acquisitions, loans and requests are
 * read from the modules that own them when a report is asked for; themes come from the thesaurus.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"ingest", "members", "catalogue", "circulation",
        "requests", "thesaurus", "shared"})
package org.lakou.stats;
