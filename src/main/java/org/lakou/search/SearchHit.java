package org.lakou.search;

import java.util.List;

/**
 * A record as a result list shows it. {@code highlights} are HTML-escaped snippets with the
 * matched words in {@code <em>}, from the title, abstract and full text, in that order.
 */
public record SearchHit(
        String id,
        String title,
        List<String> creators,
        String date,
        String type,
        List<String> highlights) {
}
