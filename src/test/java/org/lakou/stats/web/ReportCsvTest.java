package org.lakou.stats.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lakou.stats.ActivityReport;
import org.lakou.stats.ActivityReport.Figures;
import org.lakou.stats.ActivityReport.Members;

class ReportCsvTest {

    private static final Figures NONE = new Figures(0, Map.of(), Map.of(), Map.of(), Map.of());

    /** Labels come from thesauri others publish: commas and quotes are quoted, formulas defused. */
    @Test
    void cellsAreQuotedAndNeverRunAsFormulas() {
        Figures loans = new Figures(3, Map.of(1, 3L), Map.of("urn:x:a", 2L, "=HYPERLINK(1)", 1L), Map.of("etat", 3L),
                Map.of("rapport", 3L));
        ActivityReport report = new ActivityReport(2026, NONE, loans, NONE, NONE,
                new Members(Map.of("etat", 4L, "association", 6L), Map.of(), Map.of("etat", 1L)),
                Map.of("urn:x:a", "Habitat, \"logement\"", "=HYPERLINK(1)", "-2+3"));

        String csv = ReportCsv.write(report);

        assertThat(csv).startsWith("\uFEFFsection,axis,key,label,count\r\n").contains(
                "loans,total,,,3\r\n",
                "loans,month,1,,3\r\n",
                "loans,theme,urn:x:a,\"Habitat, \"\"logement\"\"\",2\r\n",
                "loans,theme,'=HYPERLINK(1),'-2+3,1\r\n",
                "loans,category,etat,,3\r\n",
                "loans,type,rapport,,3\r\n",
                "acquisitions,total,,,0\r\n", "requests,total,,,0\r\n", "downloads,total,,,0\r\n",
                "members,active,,,10\r\n", "members,active,association,,6\r\n", "members,joined,,,0\r\n",
                "members,served,etat,,1\r\n");
    }
}
