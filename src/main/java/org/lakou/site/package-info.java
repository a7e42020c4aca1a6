/**
 * The frame of the HTML pages: Thymeleaf and locale configuration (French by default, English on
 * request, remembered in a cookie), the message bundles, the shared layout fragments
 * ({@code templates/site/layout.html}), the error pages and the home page. Each module's own pages
 * sit in its {@code web} package and call its public API; nothing here reaches into them, and no
 * module depends on this one. Pages that gather several modules' data (a member's page at the desk:
 * account, loans, requests) sit here for that reason.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalogue", "search", "thesaurus", "members",
    "circulation", "requests", "shared"})
package org.lakou.site;
