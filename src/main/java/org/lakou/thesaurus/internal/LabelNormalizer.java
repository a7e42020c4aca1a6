package org.lakou.thesaurus.internal;

import java.text.Normalizer;

/**
 * Folds labels and queries to one comparable form: no accents, lower case, punctuation and
 * apostrophes as single spaces ("L'Éducation" → "l education"), so "delinq" finds "délinquance"
 * and a word after an elision still starts a word.
 */
final class LabelNormalizer {

    private LabelNormalizer() {
    }

    static String normalize(String s) {
        if (s == null) {
            return "";
        }
        String d = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(d.length());
        boolean space = true;
        for (int i = 0; i < d.length(); ) {
            int cp = d.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK) {
                continue;
            }
            if (Character.isLetterOrDigit(cp)) {
                switch (cp) {
                    case 'œ', 'Œ' -> b.append("oe");
                    case 'æ', 'Æ' -> b.append("ae");
                    case 'ß' -> b.append("ss");
                    default -> b.appendCodePoint(Character.toLowerCase(cp));
                }
                space = false;
            } else if (!space) {
                b.append(' ');
                space = true;
            }
        }
        int len = b.length();
        if (len > 0 && b.charAt(len - 1) == ' ') {
            b.setLength(len - 1);
        }
        return b.toString();
    }

    /** A URI path segment: ASCII letters, digits and hyphens. */
    static String slug(String s, int max) {
        String n = normalize(s).replaceAll("[^a-z0-9 ]", "").trim().replace(' ', '-');
        return n.length() > max ? n.substring(0, max).replaceAll("-+$", "") : n;
    }
}
