/**
 * Loans, returns, renewals, holds, the policy table (member category × document type), lost and
 * damaged copies, loan history, the overdue list and e-mail notices. Checkouts are a few
 * single-document steps keyed by {@code _id}, repaired by a reconciler: no transactions.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalogue", "members", "shared"})
package org.lakou.circulation;
