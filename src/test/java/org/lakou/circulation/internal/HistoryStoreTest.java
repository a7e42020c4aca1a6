package org.lakou.circulation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.circulation.Checkout;
import org.lakou.circulation.LoanHistoryEntry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

class HistoryStoreTest extends IntegrationTestBase {

    @Autowired
    HistoryStore history;
    @Autowired
    MongoTemplate mongo;

    private LoanHistoryEntry ended(String loanId, String member, String barcode) {
        Instant now = clock.instant();
        return new LoanHistoryEntry(loanId, barcode, "rec-h", member, now.minus(Duration.ofDays(3)), now, now, 0,
                LoanHistoryEntry.Outcome.RETURNED);
    }

    @Test
    void bothListsAreKeptAndAppendingTwiceChangesNothing() {
        history.append(ended("hl-1", "hm-1", "HB-1"));
        history.append(ended("hl-1", "hm-1", "HB-1"));
        history.append(ended("hl-2", "hm-1", "HB-2"));
        assertThat(history.ofMember("hm-1")).extracting(LoanHistoryEntry::loanId).containsExactlyInAnyOrder("hl-1", "hl-2");
        assertThat(history.ofCopy("HB-1")).extracting(LoanHistoryEntry::loanId).containsExactly("hl-1");
    }

    @Test
    void listsWrittenInTheOldCollectionsAreMovedOnStartUp() {
        history.append(ended("hl-old", "hm-old", "HB-old"));
        mongo.getCollection(HistoryStore.KEYS).deleteMany(new Document("_id", new Document("$in",
                List.of("member:hm-old", "copy:HB-old"))));
        mongo.getCollection("loan_history_by_member").insertOne(new Document("_id", "hm-old").append("loans", List.of("hl-old")));
        mongo.getCollection("loan_history_by_copy").insertOne(new Document("_id", "HB-old").append("loans", List.of("hl-old")));
        assertThat(history.ofMember("hm-old")).isEmpty();

        history.moveOldKeys();

        assertThat(history.ofMember("hm-old")).extracting(LoanHistoryEntry::loanId).containsExactly("hl-old");
        assertThat(history.ofCopy("HB-old")).extracting(LoanHistoryEntry::loanId).containsExactly("hl-old");
        assertThat(mongo.collectionExists("loan_history_by_member")).isFalse();
    }

    /** The activity report counts a loan under the category the member had when borrowing. */
    @Test
    void checkoutsOfAPeriodKeepTheCategoryOfTheirTime() {
        LoanHistoryEntry withCategory = ended("hl-cat-1", "hm-cat", "HB-cat-1");
        history.append(withCategory, "etat");
        history.append(ended("hl-cat-2", "hm-cat", "HB-cat-2"));
        Instant checkedOut = withCategory.checkedOut();

        List<Checkout> found = history.checkedOutBetween(checkedOut.minusSeconds(1), checkedOut.plusSeconds(5)).stream()
                .filter(c -> c.memberId().equals("hm-cat")).toList();

        assertThat(found).extracting(Checkout::loanId).containsExactlyInAnyOrder("hl-cat-1", "hl-cat-2");
        assertThat(found).filteredOn(c -> c.loanId().equals("hl-cat-1")).singleElement()
                .satisfies(c -> {
                    assertThat(c.category()).isEqualTo("etat");
                    assertThat(c.recordId()).isEqualTo("rec-h");
                    assertThat(c.barcode()).isEqualTo("HB-cat-1");
                });
        assertThat(found).filteredOn(c -> c.loanId().equals("hl-cat-2")).singleElement()
                .extracting(Checkout::category).isNull();
        assertThat(history.checkedOutBetween(checkedOut.plusSeconds(60), checkedOut.plusSeconds(120)))
                .noneMatch(c -> c.memberId().equals("hm-cat"));
    }
}
