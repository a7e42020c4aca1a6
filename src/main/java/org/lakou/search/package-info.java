/**
 * Search over the catalogue: the Solr index derived from MongoDB through the catalogue's outbox,
 * the indexer that drains it, and the query side (facets, highlighting). SolrJ types never leave
 * this module; other modules see only {@link org.lakou.search.SearchApi},
 * {@link org.lakou.search.SubjectSuggester} and their records. The thesaurus drives subject
 * indexing (ancestors, labels), the subject facet tree, query expansion and the concepts core
 * the Tagger reads for subject suggestion.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalogue", "shared", "thesaurus"})
package org.lakou.search;
