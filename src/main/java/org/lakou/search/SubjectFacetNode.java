package org.lakou.search;

import java.util.List;

/**
 * One concept of the subject facet tree. {@code count} is the number of results indexed with the
 * concept or any of its narrower concepts, so a parent counts at least as much as each child.
 */
public record SubjectFacetNode(String uri, String label, long count, List<SubjectFacetNode> children) {
}
