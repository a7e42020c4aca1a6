/**
 * Accounts (members and staff), roles, member categories, authentication (form login, HTTP Basic,
 * personal API tokens), login throttling, the first administrator, and the audit log of staff
 * actions. Spring Security for the whole application is configured here.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.lakou.members;
