package org.lakou.thesaurus;

import java.util.Map;

/**
 * A versioned vocabulary. {@code id} is the short slug used in API paths; {@code currentVersion}
 * is the version loaded in memory (null until one is applied); the local scheme has id "local".
 */
public record SchemeInfo(String id, String uri, Map<String, String> titles, Integer currentVersion,
        int lastVersion, int conceptCount, boolean local) {
}
