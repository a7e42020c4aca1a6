package org.lakou.requests.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.lakou.catalogue.CatalogueApi;
import org.lakou.members.MemberApi;
import org.lakou.requests.DocRequest;
import org.lakou.shared.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * E-mails to the member at acceptance, refusal and answer, sent off the request thread and keyed
 * {@code requestId#accepted#1} (etc.) so each goes once.
 */
@Component
class RequestMails {

    private static final Logger log = LoggerFactory.getLogger(RequestMails.class);

    private final Notifier notifier;
    private final MemberApi members;
    private final CatalogueApi catalogue;
    private final RequestsProperties props;
    private final ExecutorService later = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "request-mails");
        t.setDaemon(true);
        return t;
    });

    RequestMails(Notifier notifier, MemberApi members, CatalogueApi catalogue, RequestsProperties props) {
        this.notifier = notifier;
        this.members = members;
        this.catalogue = catalogue;
        this.props = props;
    }

    @PreDestroy
    void stop() {
        later.shutdownNow();
    }

    void accepted(DocRequest r) {
        send(r, "accepted", "Votre demande est acceptée : " + r.subject(),
                "Votre demande de documentation « " + r.subject() + " » a été acceptée. Nous revenons vers vous"
                        + (r.desiredDate() == null ? " rapidement." : " d'ici le " + r.desiredDate() + "."));
    }

    void refused(DocRequest r) {
        send(r, "refused", "Votre demande : " + r.subject(),
                "Nous ne pouvons pas donner suite à votre demande « " + r.subject() + " » : " + r.refusalReason());
    }

    void answered(DocRequest r) {
        StringBuilder body = new StringBuilder("Voici la réponse à votre demande « " + r.subject() + " » :\n\n")
                .append(r.answer().text() == null ? "" : r.answer().text()).append('\n');
        for (String id : r.answer().recordIds()) {
            catalogue.find(id).ifPresent(rec -> body.append("\n- ").append(rec.title()).append(" (").append(id)
                    .append(')'));
        }
        if (!r.answer().fileIds().isEmpty()) {
            body.append("\n\n").append(r.answer().fileIds().size())
                    .append(" fichier(s) joint(s) à consulter depuis votre compte.");
        }
        send(r, "answered", "Réponse à votre demande : " + r.subject(), body.toString());
    }

    private void send(DocRequest r, String kind, String subject, String text) {
        if (!props.notifyMembers()) {
            return;
        }
        later.execute(() -> {
            try {
                members.find(r.memberId()).ifPresent(m -> notifier.sendOnce(new Notifier.Notice(
                        r.id() + "#" + kind + "#1", "request-" + kind, m.email(), subject,
                        "Bonjour " + m.name() + ",\n\n" + text + "\n\n" + props.signature())));
            } catch (RuntimeException e) {
                log.warn("Could not e-mail request {} ({}): {}", r.id(), kind, e.toString());
            }
        });
    }
}
