package org.lakou.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lakou.catalogue.RecordFields;
import org.lakou.catalogue.TextStatus;
import org.lakou.ingest.internal.MetadataMapperAccess;
import org.lakou.ingest.internal.worker.LanguageCodes;
import org.lakou.ingest.internal.worker.WorkerProtocol.Code;
import org.lakou.ingest.internal.worker.WorkerProtocol.Response;

/** How Tika's metadata becomes a draft's fields: the cases the corpus showed. */
class MetadataMapperTest {

    private static Response parsed(Map<String, List<String>> metadata, String language, String text) {
        return new Response(Code.OK, "application/pdf", null, metadata, language, false, text, 0, false);
    }

    @Test
    void fieldsComeFromTheDocumentsOwnMetadata() {
        RecordFields f = MetadataMapperAccess.fields(parsed(Map.of(
                "dc:title", List.of("  Rapport\n annuel  "),
                "dc:creator", List.of("Marie Dupont; Jean Martin", "marie dupont"),
                "meta:author", List.of("Jean Martin"),
                "dc:publisher", List.of("Centre de ressources"),
                "dcterms:created", List.of("2011-03-14T10:00:00Z"),
                "dc:language", List.of("en-US")), "fra", "texte"), "x.pdf");

        assertThat(f.title()).isEqualTo("Rapport annuel");
        assertThat(f.creators()).containsExactly("Marie Dupont", "Jean Martin");
        assertThat(f.publisher()).isEqualTo("Centre de ressources");
        assertThat(f.date()).isEqualTo("2011-03-14");
        assertThat(f.language()).as("detected beats declared").isEqualTo("fr");
        assertThat(f.type()).isNull();
        assertThat(f.accessLevel().code()).isEqualTo("public");
    }

    @Test
    void missingOrJunkMetadataFallsBackToTheFileName() {
        RecordFields f = MetadataMapperAccess.fields(parsed(Map.of("dc:title", List.of("Untitled"),
                "dcterms:modified", List.of("Wed Jun 13 00:21:34 +0200 2007"),
                "Content-Language", List.of("de-CH")), null, ""), "rapport_activite-2010.final.pdf");

        assertThat(f.title()).isEqualTo("rapport activite 2010 final");
        assertThat(f.date()).isEqualTo("2007");
        assertThat(f.language()).isEqualTo("de");
        assertThat(MetadataMapperAccess.title("Microsoft Word - Bilan 2010.doc", "x.pdf")).isEqualTo("Bilan 2010");
        assertThat(MetadataMapperAccess.title(null, "Bilan des quartiers - été 2010.odt"))
                .isEqualTo("Bilan des quartiers - été 2010");
    }

    @Test
    void languageCodesBecomeIso6391WhereOneExists() {
        assertThat(LanguageCodes.normalize("fra")).isEqualTo("fr");
        assertThat(LanguageCodes.normalize("deu")).isEqualTo("de");
        assertThat(LanguageCodes.normalize("fre")).isEqualTo("fr");
        assertThat(LanguageCodes.normalize("fr-FR")).isEqualTo("fr");
        assertThat(LanguageCodes.normalize("cmn")).isEqualTo("cmn");
        assertThat(LanguageCodes.normalize("French")).isNull();
        assertThat(LanguageCodes.normalize("")).isNull();
    }

    @Test
    void aScanWithOnlyPageNumbersHasNoText() {
        assertThat(MetadataMapperAccess.textStatus(" 1 \n 2 \n")).isEqualTo(TextStatus.NONE);
        assertThat(MetadataMapperAccess.textStatus("Chapitre 1")).isEqualTo(TextStatus.EXTRACTED);
        assertThat(MetadataMapperAccess.mimeType("text/html; charset=UTF-8")).isEqualTo("text/html");
        assertThat(MetadataMapperAccess.mimeType(null)).isEqualTo("application/octet-stream");
    }
}
