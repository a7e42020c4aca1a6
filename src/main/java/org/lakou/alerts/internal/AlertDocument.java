package org.lakou.alerts.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.lakou.alerts.Alert;
import org.lakou.alerts.AlertFrequency;
import org.lakou.alerts.SavedSearch;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The stored alert: a few per member, so listing a member's or every active one is a cheap scan.
 * {@code coveredUntil} is where the next digest starts: records first published before it were
 * already considered. It only moves forward, to period boundaries (or to "now" on re-activation).
 */
@Document("alerts")
class AlertDocument {

    @Id
    String id;
    @Indexed
    String memberId;
    String name;
    List<String> concepts = new ArrayList<>();
    List<String> types = new ArrayList<>();
    List<String> territories = new ArrayList<>();
    AlertFrequency frequency;
    boolean active;
    Instant created;
    Instant lastSent;
    Instant coveredUntil;
    /** A saved-search alert's query and filters; null for a concept alert. */
    SavedSearch search;
    /** The digest key of the last e-mail sent, for support ("did my Monday digest go?"). */
    String lastDigest;

    Alert toAlert() {
        return new Alert(id, memberId, name, List.copyOf(concepts), List.copyOf(types), List.copyOf(territories),
                frequency, active, created, lastSent, search);
    }
}
