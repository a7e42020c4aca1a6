/**
 * OAI-PMH 2.0: the provider at {@code /oai} (XOAI adapters over a keyset-paged feed of stored
 * oai_dc and MODS XML, rendered at indexing time) and the harvester of partner centres. The module
 * has no Java API: other modules and partners see it only over HTTP.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"search", "catalogue", "thesaurus", "shared"})
package org.lakou.oai;
