package org.lakou.circulation.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.lakou.catalogue.CatalogueApi;
import org.lakou.circulation.Hold;
import org.lakou.members.Member;
import org.lakou.members.MemberApi;
import org.lakou.shared.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * E-mail notices: due soon, overdue at each configured step, hold ready for pickup. Each notice is
 * keyed {@code loanId#kind#step} (or {@code holdId#hold-ready#1}) and sent through the
 * {@link Notifier}, which claims the key in Mongo first: a rerun, or a second node, never sends it
 * again.
 */
@Service
class NoticeService {

    private static final Logger log = LoggerFactory.getLogger(NoticeService.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH)
            .withZone(ZoneId.of("America/Martinique"));

    private final ClaimStore claims;
    private final HoldStore holds;
    private final Notifier notifier;
    private final MemberApi members;
    private final CatalogueApi catalogue;
    private final CirculationProperties props;
    private final Clock clock;
    private final ExecutorService later = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "circulation-notices");
        t.setDaemon(true);
        return t;
    });

    NoticeService(ClaimStore claims, HoldStore holds, Notifier notifier, MemberApi members, CatalogueApi catalogue,
            CirculationProperties props, Clock clock) {
        this.claims = claims;
        this.holds = holds;
        this.notifier = notifier;
        this.members = members;
        this.catalogue = catalogue;
        this.props = props;
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        later.shutdownNow();
    }

    /** Off the request thread: a slow mail server must not slow the desk. The sweep repairs a miss. */
    void holdReadyLater(Hold hold) {
        later.execute(() -> {
            try {
                holdReady(hold.id(), hold.memberId(), hold.recordId(), hold.barcode(), hold.pickupBy());
            } catch (RuntimeException e) {
                log.warn("Hold-ready notice for {} failed; the next sweep retries: {}", hold.id(), e.toString());
            }
        });
    }

    /** One pass over the active claims; returns how many notices this call sent. */
    int sweep() {
        Instant now = clock.instant();
        int sent = 0;
        for (Claim c : claims.all()) {
            if (c.isHeld()) {
                sent += holdReady(c.holdId(), c.memberId(), c.recordId(), c.barcode(), c.pickupBy()) ? 1 : 0;
            } else if (c.due().isBefore(now)) {
                long daysLate = Duration.between(c.due(), now).toDays();
                Integer step = props.overdueSteps().stream().filter(s -> daysLate >= s).max(Integer::compare)
                        .orElse(null);
                if (step != null) {
                    sent += loanNotice(c, "overdue", step) ? 1 : 0;
                }
            } else if (!c.due().minus(Duration.ofDays(props.dueSoonDays())).isAfter(now)) {
                sent += loanNotice(c, "due-soon", 1) ? 1 : 0;
            }
        }
        return sent;
    }

    /** Keyed by the centre's day: the same loan is reminded again tomorrow, not twice today. */
    int remindOverdue() {
        Instant now = clock.instant();
        long day = now.atZone(DAY.getZone()).toLocalDate().toEpochDay();
        int sent = 0;
        for (Claim c : claims.all()) {
            if (c.isLoan() && c.due().isBefore(now)) {
                sent += loanNotice(c, "overdue-again", day) ? 1 : 0;
            }
        }
        return sent;
    }

    private boolean loanNotice(Claim c, String kind, long step) {
        String key = c.loanId() + "#" + kind + "#" + step;
        if (notifier.wasSent(key)) {
            return false;
        }
        Member m = members.find(c.memberId()).orElse(null);
        if (m == null) {
            return false;
        }
        String title = title(c.recordId());
        boolean overdue = kind.startsWith("overdue");
        String subject = overdue ? "Retard : « " + title + " » est à rendre"
                : "Rappel : « " + title + " » est à rendre le " + DAY.format(c.due());
        String body = "Bonjour " + m.name() + ",\n\n"
                + (overdue
                        ? "Le document « " + title + " » (exemplaire " + c.barcode() + ") devait être rendu le "
                                + DAY.format(c.due()) + ". Merci de le rapporter au centre de ressources.\n"
                        : "Le document « " + title + " » (exemplaire " + c.barcode() + ") est à rendre le "
                                + DAY.format(c.due()) + ". Vous pouvez le prolonger depuis votre compte.\n")
                + "\nLe centre de ressources";
        return notifier.sendOnce(new Notifier.Notice(key, kind, m.email(), subject, body));
    }

    private boolean holdReady(String holdId, String memberId, String recordId, String barcode, Instant pickupBy) {
        String key = holdId + "#hold-ready#1";
        if (notifier.wasSent(key)) {
            return false;
        }
        Member m = members.find(memberId).orElse(null);
        if (m == null) {
            return false;
        }
        String title = title(recordId);
        return notifier.sendOnce(new Notifier.Notice(key, "hold-ready", m.email(),
                "Votre réservation est disponible : « " + title + " »",
                "Bonjour " + m.name() + ",\n\nLe document « " + title + " » (exemplaire " + barcode
                        + ") vous attend à l'accueil jusqu'au " + DAY.format(pickupBy) + ".\n\nLe centre de ressources"));
    }

    private String title(String recordId) {
        return catalogue.find(recordId).map(r -> r.title()).orElse(recordId);
    }

    List<Hold> readyHolds() {
        return claims.all().stream().filter(Claim::isHeld)
                .flatMap(c -> holds.holds(c.recordId()).stream().filter(h -> c.holdId().equals(h.id())))
                .toList();
    }
}
