package org.lakou.thesaurus.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lakou.thesaurus.QualityReport;

/**
 * Every file of the qSKOS defect corpus and the Skosmos fixtures through the import checks. A file
 * named after a defect must raise that finding; files that are not valid RDF must fail with a
 * syntax error carrying its line; every other file must import without error.
 */
class QualityFixturesTest {

    /** File → codes it must produce. Codes ending in "!" are blocking errors. */
    private static final Map<String, Set<String>> EXPECTED = Map.ofEntries(
            Map.entry("ambiguousLabels.rdf", Set.of("multiple-preflabels", "duplicate-preflabel", "disjoint-labels")),
            Map.entry("cycles.rdf", Set.of("broader-cycle")),
            Map.entry("deprecatedAndIllegalTerms.rdf", Set.of("undefined-skos-term")),
            Map.entry("emptyLabels.rdf", Set.of("empty-label")),
            Map.entry("exactVsAssociativeMappingClashes.rdf", Set.of("mapping-clash")),
            Map.entry("hierarchicalAndAssociativeRelations.rdf", Set.of("related-broader-clash")),
            Map.entry("hierarchicalRedundancy.rdf", Set.of("hierarchical-redundancy")),
            Map.entry("labelsWithUnprintableCharacters.rdf", Set.of("unprintable-characters")),
            Map.entry("languageTags.rdf", Set.of("invalid-language-tag")),
            Map.entry("mappingRelationsMisuse.rdf", Set.of("mapping-within-scheme")),
            Map.entry("missingLabels.rdf", Set.of("missing-preflabel", "unknown-broader", "unlabelled-scheme")),
            Map.entry("missingTopConcepts.rdf", Set.of("missing-top-concepts")),
            Map.entry("noBroaderAndNotTopConcepts.rdf", Set.of("orphan-concept")),
            Map.entry("omittedInverseRelations.rdf", Set.of("omitted-inverse")),
            Map.entry("overlappingLabels.rdf", Set.of("overlapping-labels", "duplicate-preflabel")),
            Map.entry("reflexivelyRelatedConcepts.rdf", Set.of("reflexive-relation")),
            Map.entry("relationClashes.rdf", Set.of("related-broader-clash", "broader-cycle")),
            Map.entry("solitaryTransitiveRelations.rdf", Set.of("solitary-transitive-relation")),
            Map.entry("topConceptsHavingBroaderConcept.rdf", Set.of("top-concept-with-broader")),
            Map.entry("nocontent.rdf", Set.of("empty-import!")),
            Map.entry("concepts.rdf", Set.of("syntax-error!")),
            Map.entry("invalidCharacters.rdf", Set.of("syntax-error!")),
            Map.entry("resources.rdf", Set.of("syntax-error!")),
            Map.entry("skosxl.rdf", Set.of("syntax-error!")),
            Map.entry("cycle.ttl", Set.of("broader-cycle", "reflexive-relation")),
            Map.entry("nolang.ttl", Set.of("untagged-label")),
            Map.entry("hash.ttl", Set.of("untagged-label")),
            Map.entry("dup.ttl", Set.of("duplicate-preflabel")),
            Map.entry("test-551-A.ttl", Set.of("top-concept-with-broader")),
            Map.entry("test-hierarchy.ttl", Set.of("multiple-preflabels", "untagged-label")),
            Map.entry("test-hierarchy-without-top-concepts.ttl", Set.of("multiple-preflabels", "missing-top-concepts")),
            Map.entry("default_graph.ttl", Set.of("no-concepts!")),
            Map.entry("myns-ontology.ttl", Set.of("no-concepts!")),
            Map.entry("test-marc.ttl", Set.of("no-concepts!")));

    static Stream<Path> files() throws Exception {
        Path dir = SharedData.THESAURUS;
        Assumptions.assumeTrue(Files.isDirectory(dir), "../shared absent: " + dir);
        List<Path> all = new java.util.ArrayList<>();
        for (String sub : List.of("qskos-defects", "skosmos-fixtures")) {
            try (Stream<Path> s = Files.list(dir.resolve(sub))) {
                s.filter(p -> !p.getFileName().toString().startsWith("LICENSE")).sorted().forEach(all::add);
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void eachFileGivesTheFindingItsNameAnnounces(Path file) throws Exception {
        String name = file.getFileName().toString();
        var lang = RdfInput.detect(null, name);
        if (name.endsWith(".mrcx")) {
            assertThat(lang).as("MARC XML is not RDF and must be refused before parsing").isNull();
            return;
        }
        assertThat(lang).as("syntax of " + name).isNotNull();
        QualityReport report = QualityChecker.check(RdfInput.parse(Files.readAllBytes(file), lang), uri -> false);
        Set<String> expected = EXPECTED.getOrDefault(name, Set.of());
        for (String code : expected) {
            boolean error = code.endsWith("!");
            String c = error ? code.substring(0, code.length() - 1) : code;
            assertThat(report.counts()).as(name + " findings").containsKey(c);
            var list = error ? report.errors() : report.warnings();
            assertThat(list).as(name + " " + c + " severity").anyMatch(f -> f.code().equals(c));
        }
        if (expected.contains("syntax-error!")) {
            assertThat(report.errors().get(0).line()).as("line of the syntax error in " + name).isNotNull().isPositive();
        }
        if (expected.stream().noneMatch(code -> code.endsWith("!"))) {
            assertThat(report.errors()).as(name + " must import").isEmpty();
        }
    }
}
