/**
 * Documentation requests in the spirit of PMB's "Demandes": submission by a member (or by staff on
 * their behalf), the workflow NEW → ACCEPTED | REFUSED → IN_PROGRESS → ANSWERED → CLOSED,
 * assignment, an action log with time spent, answers with text, records and files, e-mails to the
 * member, and loans or holds straight from an answer (hence the dependency on circulation).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalogue", "members", "circulation", "shared"})
package org.lakou.requests;
