/**
 * Member alerts (selective dissemination of information): a member follows thesaurus concepts,
 * optionally narrowed to document types and territories, and receives a daily or weekly e-mail
 * digest of the records published since the last one. Criteria are expanded with the thesaurus's
 * narrower concepts at sending time, so a thesaurus update is followed without editing alerts.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalogue", "members", "thesaurus", "shared"})
package org.lakou.alerts;
