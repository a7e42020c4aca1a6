package org.lakou.alerts;

import java.time.Instant;
import java.util.List;

/**
 * A member's standing search. A published record matches when one of its subjects is one of
 * {@code concepts} (or a narrower concept), and, when they are given, its type is one of
 * {@code types} and one of its territories is one of {@code territories} (or within one).
 * {@code lastSent} is when the last digest was e-mailed, null before the first. An alert may instead
 * follow a {@link SavedSearch} ({@code search}, null for a concept alert; {@code concepts} is then empty).
 */
public record Alert(
        String id,
        String memberId,
        String name,
        List<String> concepts,
        List<String> types,
        List<String> territories,
        AlertFrequency frequency,
        boolean active,
        Instant created,
        Instant lastSent,
        SavedSearch search) {
}
