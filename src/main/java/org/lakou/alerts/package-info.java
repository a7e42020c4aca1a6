/**
 * Member alerts (selective dissemination of information): a member follows thesaurus concepts,
 * optionally narrowed to document types and territories, and receives a daily or weekly e-mail
 * digest of the records published since the last one. Criteria are expanded with the thesaurus's
 * narrower concepts at sending time, so a thesaurus update is followed without editing alerts.
 * A member may also save a search (query and filters): its digest lists the new records the search
 * finds, through the search module's publishedAfter filter.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalogue", "members", "search", "thesaurus", "shared"})
package org.lakou.alerts;
