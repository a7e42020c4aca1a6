package org.lakou.alerts.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.lakou.alerts.AlertFrequency;
import org.lakou.catalogue.Record;
import org.lakou.members.Member;
import org.lakou.shared.Notifier;
import org.lakou.shared.PublicUrl;
import org.springframework.stereotype.Component;

/** The digest e-mail: plain text, in French like the centre's other notices. */
@Component
class DigestMail {

    private final AlertsProperties props;
    private final PublicUrl publicUrl;
    private final DateTimeFormatter day;

    DigestMail(AlertsProperties props, PublicUrl publicUrl) {
        this.props = props;
        this.publicUrl = publicUrl;
        this.day = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH).withZone(props.zone());
    }

    Notifier.Notice compose(String key, Member m, AlertDocument a, Instant since, List<Record> records) {
        int n = records.size();
        String subject = "Veille « " + a.name + " » : " + n + (n == 1 ? " nouveau document" : " nouveaux documents");
        StringBuilder body = new StringBuilder("Bonjour ").append(m.name()).append(",\n\n")
                .append(n == 1 ? "Un document a été publié" : n + " documents ont été publiés")
                .append(" depuis le ").append(day.format(since))
                .append(a.search == null ? " sur les sujets de votre alerte « " : " pour votre recherche enregistrée « ")
                .append(a.name).append(" » :\n");
        String base = props.baseOverride() != null ? props.baseOverride() : publicUrl.base();
        records.stream().limit(props.maxRecords()).forEach(r -> item(body, r, base));
        if (n > props.maxRecords()) {
            body.append("\n… et ").append(n - props.maxRecords()).append(" autres : retrouvez-les par la recherche.\n");
        }
        body.append("\nVous recevez ce message ").append(a.frequency == AlertFrequency.DAILY ? "au plus une fois par jour"
                : "au plus une fois par semaine").append(" ; modifiez ou désactivez l'alerte depuis votre compte (")
                .append(base).append("/api/alerts/").append(a.id).append(").\n\n").append(props.signature());
        return new Notifier.Notice(key, "alert-digest", m.email(), subject, body.toString());
    }

    /** The record's public page: HTML for the reader's browser. */
    private static void item(StringBuilder body, Record r, String base) {
        body.append("\n- ").append(r.title());
        if (!r.creators().isEmpty() || r.date() != null) {
            body.append("\n  ").append(String.join(", ", r.creators()));
            if (r.date() != null) {
                body.append(r.creators().isEmpty() ? "" : " — ").append(r.date());
            }
        }
        body.append("\n  ").append(base).append("/records/").append(r.id()).append('\n');
    }
}
