/**
 * The network's SKOS vocabularies: import with a quality report, versions and diffs, deprecations
 * remapped in the catalogue, a local extension scheme, label lookup and autocomplete, linked data
 * and SPARQL. Jena stays inside this module: the root package speaks records and URIs only.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalogue", "shared"})
package org.lakou.thesaurus;
