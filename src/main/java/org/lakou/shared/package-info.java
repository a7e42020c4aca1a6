/**
 * The small kernel every module may use: API errors rendered as ProblemDetail, the data directory,
 * the clock, and leases that keep background jobs to one node at a time.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.lakou.shared;
