package org.lakou.thesaurus.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;

/** A local concept; {@code _id} is the minted slug, so claiming a slug is an insert that may clash. */
record LocalConceptDocument(@Id String id, String uri, String prefLabel, String lang, String broader,
        List<String> altLabels, String scopeNote, Instant created) {
}
