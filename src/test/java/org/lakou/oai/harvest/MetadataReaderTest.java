package org.lakou.oai.harvest;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordFields;
import org.lakou.oai.internal.DublinCoreRenderer;
import org.lakou.oai.internal.InMemoryVocabulary;
import org.lakou.oai.internal.ModsRenderer;
import org.lakou.oai.internal.OaiHarness;
import org.lakou.oai.internal.OaiProperties;

import static org.assertj.core.api.Assertions.assertThat;

/** What a Lakou partner serves comes back as the same catalogue fields, thesaurus URIs kept. */
class MetadataReaderTest {

    private final InMemoryVocabulary vocabulary = new InMemoryVocabulary();
    private final OaiProperties properties = new OaiProperties("Centre A", "https://a.example.fr", null,
            "doc@centre-a.fr", "centre-a.fr", 100, Duration.ofHours(1), null,
            new OaiProperties.Harvest(1, Duration.ofMillis(1), Duration.ofSeconds(1), Duration.ofSeconds(30)));
    private final MetadataReader reader = new MetadataReader(vocabulary);
    private final Record record = OaiHarness.published("r1", "Le lien social à Fort-de-France",
            InMemoryVocabulary.LIEN, "https://unknown.example.org/concept/9");

    @Test
    void modsKeepsConceptsByValueUri() throws Exception {
        RecordFields f = reader.read(new ModsRenderer(properties, vocabulary).render(record));
        assertThat(f.title()).isEqualTo("Le lien social à Fort-de-France");
        assertThat(f.subtitle()).isEqualTo("diagnostic partagé");
        assertThat(f.creators()).containsExactly("Marie-Josée Théodore", "Agence d'urbanisme de Martinique");
        assertThat(f.subjects()).containsExactly(InMemoryVocabulary.LIEN);
        assertThat(f.territories()).containsExactly(InMemoryVocabulary.FDF, "Sainte-Thérèse");
        assertThat(f.date()).isEqualTo("2011-06");
        assertThat(f.type()).isEqualTo("rapport");
        assertThat(f.language()).isEqualTo("fr");
        assertThat(f.summary()).startsWith("Synthèse des ateliers");
        assertThat(f.publisher()).isEqualTo("Centre de ressources politique de la ville de Martinique");
    }

    @Test
    void dublinCoreKeepsConceptUrisAndDropsFreeText() throws Exception {
        RecordFields f = reader.read(new DublinCoreRenderer(vocabulary).render(record));
        assertThat(f.title()).isEqualTo("Le lien social à Fort-de-France : diagnostic partagé");
        assertThat(f.subjects()).containsExactly(InMemoryVocabulary.LIEN);
        assertThat(f.territories()).containsExactly("Fort-de-France", "Sainte-Thérèse");
        assertThat(f.type()).isEqualTo("rapport");
    }

    @Test
    void foreignValuesAreNormalised() throws Exception {
        String dc = "<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>Koha record</dc:title>"
                + "<dc:date>2003-11-05T10:00:00Z</dc:date><dc:type>Book</dc:type><dc:language>FRE</dc:language>"
                + "<dc:subject>Urbanisme</dc:subject></oai_dc:dc>";
        RecordFields f = reader.read(dc);
        assertThat(f.date()).isEqualTo("2003-11-05");
        assertThat(f.type()).isEqualTo("autre");
        assertThat(f.language()).isEqualTo("fre");
        assertThat(f.subjects()).isEmpty();
        assertThat(reader.read("<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\"/>")).isNull();
        assertThat(List.of(f.creators())).hasSize(1);
    }
}
