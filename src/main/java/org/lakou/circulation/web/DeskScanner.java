package org.lakou.circulation.web;

import java.util.Optional;
import java.util.Set;

import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.circulation.CirculationApi;
import org.lakou.circulation.CirculationApi.ReturnResult;
import org.lakou.circulation.Loan;
import org.lakou.members.Member;
import org.lakou.members.MemberApi;
import org.lakou.shared.ApiException;
import org.springframework.stereotype.Component;

/**
 * Reads one scan at the desk, as a keyboard wedge types it: a member card (the member's e-mail or
 * id: members have no card number of their own) selects the borrower; a copy barcode then lends it
 * to them, or renews it when they already borrow it; a copy scanned with nobody selected comes back.
 * Every action goes through {@link CirculationApi}, whose refusal codes become sentences.
 */
@Component
class DeskScanner {

    /** Refusal codes the desk has words for; any other refusal shows its detail. */
    static final Set<String> REASONS = Set.of("quota-reached", "copy-on-loan", "on-hold-for-another",
            "member-suspended", "overdue-blocked", "renewals-exhausted", "not-loanable", "not-on-loan",
            "already-held");

    enum Action { AUTO, RETURN, RENEW }

    record Result(Member member, DeskOutcome outcome) {
    }

    private final CirculationApi circulation;
    private final CatalogueApi catalogue;
    private final MemberApi members;

    DeskScanner(CirculationApi circulation, CatalogueApi catalogue, MemberApi members) {
        this.circulation = circulation;
        this.catalogue = catalogue;
        this.members = members;
    }

    Optional<Member> member(String idOrEmail) {
        if (idOrEmail == null || idOrEmail.isBlank()) {
            return Optional.empty();
        }
        String code = idOrEmail.trim();
        return code.contains("@") ? members.findByEmail(code) : members.find(code);
    }

    Result scan(String rawCode, String selectedId, Action action) {
        Member selected = member(selectedId).orElse(null);
        String code = rawCode == null ? "" : rawCode.trim();
        if (code.isEmpty()) {
            return new Result(selected, DeskOutcome.notice("desk.scan.empty"));
        }
        Optional<Record> record = catalogue.findByBarcode(code);
        if (record.isEmpty()) {
            Optional<Member> scanned = member(code);
            if (scanned.isPresent()) {
                return new Result(scanned.get(), selectedOutcome(scanned.get()));
            }
            return new Result(selected, DeskOutcome.refused("desk.scan.unknown", null, null, code));
        }
        String title = record.get().title();
        if (action == Action.RETURN || (action == Action.AUTO && selected == null)) {
            return new Result(selected, checkin(code, title));
        }
        if (action == Action.RENEW || ownLoan(code, selected)) {
            return new Result(selected, renew(code, title));
        }
        return new Result(selected, checkout(code, title, selected));
    }

    private DeskOutcome selectedOutcome(Member m) {
        return m.mayBorrow() ? DeskOutcome.done("desk.member.selected", m.name())
                : DeskOutcome.refused("desk.member.selected", "member-suspended", null, m.name());
    }

    private boolean ownLoan(String barcode, Member selected) {
        return selected != null
                && circulation.loanOf(barcode).map(Loan::memberId).filter(selected.id()::equals).isPresent();
    }

    private DeskOutcome checkout(String barcode, String title, Member m) {
        try {
            Loan loan = circulation.checkout(barcode, m.id());
            return DeskOutcome.lent("desk.checkout.done", loan.due(), title, barcode, m.name());
        } catch (ApiException e) {
            return refusal("desk.checkout.refused", e, title, barcode);
        }
    }

    private DeskOutcome renew(String barcode, String title) {
        try {
            Loan loan = circulation.renew(barcode);
            return DeskOutcome.lent("desk.renew.done", loan.due(), title, barcode);
        } catch (ApiException e) {
            return refusal("desk.renew.refused", e, title, barcode);
        }
    }

    private DeskOutcome checkin(String barcode, String title) {
        try {
            ReturnResult r = circulation.checkin(barcode, false);
            if (r.nowReadyFor() != null) {
                String who = members.find(r.nowReadyFor().memberId()).map(Member::name).orElse("?");
                return DeskOutcome.done("desk.return.doneHold", title, barcode, who);
            }
            return DeskOutcome.done("desk.return.done", title, barcode);
        } catch (ApiException e) {
            return refusal("desk.return.refused", e, title, barcode);
        }
    }

    private static DeskOutcome refusal(String key, ApiException e, String title, String barcode) {
        Object code = e.properties().get("reason");
        String reason = code != null && REASONS.contains(code.toString()) ? code.toString() : null;
        return DeskOutcome.refused(key, reason, reason == null ? e.getMessage() : null, title, barcode);
    }
}
