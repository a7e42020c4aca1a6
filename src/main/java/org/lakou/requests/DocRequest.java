package org.lakou.requests;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A documentation request with its log and answer. */
public record DocRequest(
        String id,
        String memberId,
        String submittedBy,
        String subject,
        String description,
        List<String> concepts,
        List<AnswerKind> expected,
        LocalDate desiredDate,
        RequestStatus status,
        String assignee,
        String refusalReason,
        List<Action> actions,
        Answer answer,
        List<Attachment> files,
        Instant created,
        Instant modified,
        long version) {

    /** One line of the log: who did what, when, and how many minutes it took. */
    public record Action(Instant at, String by, String what, String note, int minutes) {
    }

    /** The answer: text, catalogue records, and files attached to the request. */
    public record Answer(String text, List<String> recordIds, List<String> fileIds, Instant at, String by) {
    }

    /** A file attached by staff; {@code id} is the SHA-256 of its bytes. */
    public record Attachment(String id, String name, String mimeType, long size) {
    }

    public int minutesSpent() {
        return actions.stream().mapToInt(Action::minutes).sum();
    }
}
