package org.lakou.ingest.internal.worker;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Language codes as the catalogue wants them: ISO 639-1 where one exists ({@code fr}), else the
 * ISO 639-3 code ({@code cmn}). OpenNLP answers in 639-3 and documents carry tags such as
 * {@code fr-FR}; both end up here.
 */
public final class LanguageCodes {

    private static final Pattern CODE = Pattern.compile("[a-z]{2,3}");
    private static final Map<String, String> THREE_TO_TWO = new HashMap<>();

    static {
        for (String two : Locale.getISOLanguages()) {
            try {
                THREE_TO_TWO.put(Locale.forLanguageTag(two).getISO3Language(), two);
            } catch (java.util.MissingResourceException noThreeLetterCode) {
                // a few retired codes have none; nothing to map
            }
        }
        // bibliographic 639-2/B codes still found in library metadata
        THREE_TO_TWO.putAll(Map.of("fre", "fr", "ger", "de", "dut", "nl", "chi", "zh", "cze", "cs",
                "gre", "el", "per", "fa", "rum", "ro", "slo", "sk", "wel", "cy"));
    }

    private LanguageCodes() {
    }

    /** Null when the value is not a language code at all. */
    public static String normalize(String value) {
        if (value == null) {
            return null;
        }
        String primary = value.trim().toLowerCase(Locale.ROOT).split("[-_\\s]", 2)[0];
        if (!CODE.matcher(primary).matches()) {
            return null;
        }
        return primary.length() == 3 ? THREE_TO_TWO.getOrDefault(primary, primary) : primary;
    }
}
