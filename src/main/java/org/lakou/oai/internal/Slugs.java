package org.lakou.oai.internal;

import java.text.Normalizer;
import java.util.Locale;

/** Set-spec parts: lower-case ASCII letters, digits and hyphens. */
public final class Slugs {

    private Slugs() {
    }

    public static String slug(String text) {
        if (text == null) {
            return "";
        }
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    }

    /** The last segment of a concept URI, or its notation when the segment gives nothing usable. */
    public static String conceptSlug(String uri, String notation) {
        String tail = uri;
        int cut = Math.max(uri.lastIndexOf('/'), uri.lastIndexOf('#'));
        if (cut >= 0) {
            tail = uri.substring(cut + 1);
        }
        String slug = slug(tail);
        if (slug.isEmpty() && notation != null) {
            slug = slug(notation);
        }
        return slug.isEmpty() ? Integer.toHexString(uri.hashCode()) : slug;
    }
}
