package org.lakou.thesaurus.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.lakou.thesaurus.QualityFinding;
import org.lakou.thesaurus.QualityReport;

/** Collects findings; keeps the first few of each code so a big vocabulary's report stays readable. */
final class Findings {

    static final int PER_CODE = 50;

    private final List<QualityFinding> errors = new ArrayList<>();
    private final List<QualityFinding> warnings = new ArrayList<>();
    private final Map<String, Integer> counts = new TreeMap<>();
    private boolean truncated;

    void add(QualityFinding f) {
        int n = counts.merge(f.code(), 1, Integer::sum);
        if (n > PER_CODE) {
            truncated = true;
            return;
        }
        (f.severity() == QualityFinding.Severity.ERROR ? errors : warnings).add(f);
    }

    void warn(String code, String conceptUri, String message) {
        add(QualityFinding.warning(code, conceptUri, message));
    }

    void addAll(List<QualityFinding> fs) {
        fs.forEach(this::add);
    }

    QualityReport report() {
        return new QualityReport(errors, warnings, counts, truncated);
    }
}
