package org.lakou.catalogue;

/**
 * A record whose text closely resembles another's: {@code similarity} is the estimated Jaccard
 * resemblance of their word shingles (0 to 1), {@code title} the record's current title.
 */
public record NearDuplicate(String id, String title, double similarity) {
}
