package org.lakou.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.search.SearchApi;
import org.lakou.search.SearchQuery;
import org.lakou.search.SearchResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** A batch import that brings full texts: stored where (re)indexing reads them, and searchable. */
class ImportWithTextsTest extends IntegrationTestBase {

    @Autowired
    CatalogueApi catalogue;
    @Autowired
    SearchApi search;
    @Autowired
    MongoTemplate mongo;

    @Test
    void importedTextsAreStoredOnceAndSearchableAfterAReindex() {
        String word = "zqx" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String fileId = UUID.randomUUID().toString().replace("-", "") + "ab";
        String text = "Le conseil citoyen du quartier prioritaire évoque le mot " + word + " dans son bilan.";
        FileRef file = new FileRef(fileId, "bilan.txt", "text/plain", text.length(), null, text.length(), false,
                TextStatus.EXTRACTED);
        List<Record> created = catalogue.importWithTexts(List.of(
                new ImportedRecord(fields("Bilan du conseil citoyen"), file, text),
                new ImportedRecord(fields("Le même bilan, second exemplaire numérique"), file, text),
                new ImportedRecord(fields("Notice sans texte"), null, null)), true);

        assertThat(created).hasSize(3);
        assertThat(created.get(0).status()).isEqualTo(RecordStatus.PUBLISHED);
        assertThat(created.get(0).files()).containsExactly(file);
        assertThat(created.get(2).files()).isEmpty();
        assertThat(catalogue.fullText(created.get(0).id())).isEqualTo(text);
        assertThat(catalogue.fullText(created.get(2).id())).isEmpty();
        // the same bytes twice: one text, as ingest stores it
        assertThat(mongo.count(Query.query(Criteria.where("_id").is(fileId)), "record_texts")).isEqualTo(1);

        assertThat(search.awaitIndexed(Duration.ofSeconds(60))).isTrue();
        assertThat(hits(word)).containsExactlyInAnyOrder(created.get(0).id(), created.get(1).id());
        // a reindex reads the text back from MongoDB
        search.reindex();
        assertThat(search.awaitIndexed(Duration.ofSeconds(60))).isTrue();
        assertThat(hits(word)).containsExactlyInAnyOrder(created.get(0).id(), created.get(1).id());
    }

    @Test
    void aTextWithoutItsFileIsRefused() {
        assertThatThrownBy(() -> new ImportedRecord(fields("Texte orphelin"), null, "du texte"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private List<String> hits(String word) {
        SearchResult r = search.search(new SearchQuery(word, null, null, null, null, null, null,
                SearchQuery.Sort.RELEVANCE, 0, 20, false));
        return r.hits().stream().map(h -> h.id()).toList();
    }

    private static RecordFields fields(String title) {
        return new RecordFields(title, null, List.of("Ville caraïbe"), null, "2012", "rapport", "fr", null, null,
                null, "Import texte", AccessLevel.PUBLIC);
    }
}
