package org.lakou.circulation.web;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Hidden;

import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.circulation.CirculationApi;
import org.lakou.circulation.Hold;
import org.lakou.circulation.Loan;
import org.lakou.shared.ApiException;
import org.lakou.shared.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Mes prêts" and "Mes réservations" in the member space, on {@link CirculationApi} as the
 * {@code /api/loans/mine} and {@code /api/holds} endpoints. A refusal (renewals exhausted, record
 * already held...) comes back as a flash message naming the reason in words.
 */
@Hidden
@Controller
class CirculationPageController {

    private final CirculationApi circulation;
    private final CatalogueApi catalogue;

    CirculationPageController(CirculationApi circulation, CatalogueApi catalogue) {
        this.circulation = circulation;
        this.catalogue = catalogue;
    }

    @GetMapping("/compte/prets")
    String loans(Model model) {
        String me = Viewer.current().memberId();
        List<Loan> loans = circulation.loansOf(me);
        var history = circulation.historyOfMember(me);
        model.addAttribute("loans", loans);
        model.addAttribute("history", history);
        model.addAttribute("titles", titles(java.util.stream.Stream.concat(loans.stream().map(Loan::recordId),
                history.stream().map(h -> h.recordId())).toList()));
        return "circulation/loans";
    }

    @PostMapping("/compte/prets/{barcode}/prolonger")
    String renew(@PathVariable String barcode, RedirectAttributes redirect) {
        // another member's loan and no loan at all look the same: a 404, as for their requests and alerts
        Loan loan = circulation.loanOf(barcode).filter(l -> l.memberId().equals(Viewer.current().memberId()))
                .orElseThrow(() -> new ApiException(org.springframework.http.HttpStatus.NOT_FOUND, "Not found",
                        "You have no loan of copy " + barcode));
        try {
            circulation.renew(loan.barcode());
            redirect.addFlashAttribute("flash", "loans.renewed");
        } catch (ApiException e) {
            redirect.addFlashAttribute("refusal", reason(e));
        }
        return "redirect:/compte/prets";
    }

    @GetMapping("/compte/reservations")
    String holds(Model model) {
        List<Hold> holds = circulation.holdsOf(Viewer.current().memberId());
        model.addAttribute("holds", holds);
        model.addAttribute("titles", titles(holds.stream().map(Hold::recordId).toList()));
        return "circulation/holds";
    }

    /** Where an anonymous reader's "Réserver" lands after logging in: a confirmation. */
    @GetMapping("/compte/reservations/nouvelle")
    String confirmHold(@RequestParam("notice") String recordId, Model model) {
        model.addAttribute("record", publicRecord(recordId));
        return "circulation/hold-confirm";
    }

    @PostMapping("/compte/reservations")
    String placeHold(@RequestParam("notice") String recordId, RedirectAttributes redirect) {
        publicRecord(recordId);
        try {
            circulation.placeHold(recordId, Viewer.current().memberId(), null);
        } catch (ApiException e) {
            redirect.addFlashAttribute("refusal", reason(e));
            return "redirect:/records/" + recordId;
        }
        redirect.addFlashAttribute("flash", "holds.placed");
        return "redirect:/compte/reservations";
    }

    @PostMapping("/compte/reservations/{holdId}/annuler")
    String cancel(@PathVariable String holdId, RedirectAttributes redirect) {
        Hold h = circulation.findHold(holdId).filter(x -> x.memberId().equals(Viewer.current().memberId()))
                .orElseThrow(() -> ApiException.notFound("Hold", holdId));
        circulation.cancelHold(h.id());
        redirect.addFlashAttribute("flash", "holds.cancelled");
        return "redirect:/compte/reservations";
    }

    private Record publicRecord(String id) {
        return catalogue.find(id).filter(Record::isPublic)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "Record not found", id));
    }

    private Map<String, String> titles(Collection<String> recordIds) {
        // key reads: findAll's $in is a scan of the whole collection on the embedded store
        return recordIds.stream().distinct().map(catalogue::find).flatMap(java.util.Optional::stream)
                .collect(Collectors.toMap(Record::id, Record::title, (a, b) -> a));
    }

    /** The refusal's code (quota-reached...), which the page turns into words; "other" when it has none. */
    static String reason(ApiException e) {
        Object r = e.properties().get("reason");
        return r == null ? "other" : r.toString();
    }
}
