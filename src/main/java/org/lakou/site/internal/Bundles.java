package org.lakou.site.internal;

/**
 * The message bundles: the public pages' one, then one per part of the staff desk ({@code /gestion}),
 * so that each part's wording sits in its own file instead of one file that every change edits.
 */
public final class Bundles {

    public static final String[] NAMES = {"messages", "messages-gestion", "messages-catalogage",
        "messages-circulation", "messages-admin"};

    private Bundles() {
    }
}
