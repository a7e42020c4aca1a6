/**
 * Search over the catalogue: the Solr index derived from MongoDB through the catalogue's outbox,
 * the indexer that drains it, and the query side (facets, highlighting). SolrJ types never leave
 * this module; other modules see only {@link org.lakou.search.SearchApi} and its records.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalogue", "shared"})
package org.lakou.search;
