package org.lakou.thesaurus.internal;

import java.time.Instant;

import org.springframework.data.annotation.Id;

/**
 * A scheme's pointers: the last version number handed out (incremented atomically, so two imports
 * never get the same number) and the version currently applied. The local scheme's document
 * ({@code _id "local"}) counts local changes instead, so other nodes notice them.
 */
record SchemeDocument(@Id String id, String uri, int lastVersion, Integer currentVersion, Instant modified) {
}
