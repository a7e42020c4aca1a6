/**
 * Usage figures for the centre's activity report. It listens to the other modules' events and
 * keeps per-day counters, because usage, unlike the catalogue or the loans, cannot be rebuilt
 * afterwards from anything else. For now: file downloads, by record and member category.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"ingest", "members", "catalogue", "shared"})
package org.lakou.stats;
