package org.lakou.circulation.web;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.swagger.v3.oas.annotations.Hidden;

import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.circulation.CirculationApi;
import org.lakou.circulation.Hold;
import org.lakou.circulation.Loan;
import org.lakou.members.Member;
import org.lakou.members.MemberApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The circulation desk ({@code /gestion/circulation}): one scan field for member cards and copy
 * barcodes ({@link DeskScanner}), the selected member's loans, the holds to serve and the overdue
 * list. A scan posted by htmx gets back the scan zone only; without JavaScript, the whole page.
 */
@Hidden
@Controller
class DeskPageController {

    private final DeskScanner scanner;
    private final CirculationApi circulation;
    private final CatalogueApi catalogue;
    private final MemberApi members;

    DeskPageController(DeskScanner scanner, CirculationApi circulation, CatalogueApi catalogue, MemberApi members) {
        this.scanner = scanner;
        this.circulation = circulation;
        this.catalogue = catalogue;
        this.members = members;
    }

    @GetMapping("/gestion/circulation")
    String desk(@RequestParam(name = "membre", required = false) String memberId, Model model) {
        zone(scanner.member(memberId).orElse(null), null, model);
        lists(model);
        return "circulation/desk";
    }

    @PostMapping("/gestion/circulation")
    String scan(@RequestParam(defaultValue = "") String code,
            @RequestParam(name = "membre", required = false) String memberId,
            @RequestParam(name = "action", defaultValue = "auto") String action,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        DeskScanner.Result r = scanner.scan(code, memberId, action(action));
        zone(r.member(), r.outcome(), model);
        if (htmx != null) {
            return "circulation/desk :: desk";
        }
        lists(model);
        return "circulation/desk";
    }

    @PostMapping("/gestion/circulation/relances")
    String remind(RedirectAttributes redirect) {
        redirect.addFlashAttribute("remindersSent", circulation.remindOverdue());
        return "redirect:/gestion/circulation#retards";
    }

    private static DeskScanner.Action action(String code) {
        return switch (code) {
            case "rendre", "return" -> DeskScanner.Action.RETURN;
            case "prolonger", "renew" -> DeskScanner.Action.RENEW;
            default -> DeskScanner.Action.AUTO;
        };
    }

    private void zone(Member member, DeskOutcome outcome, Model model) {
        List<Loan> loans = member == null ? List.of() : circulation.loansOf(member.id());
        model.addAttribute("member", member);
        model.addAttribute("memberLoans", loans);
        model.addAttribute("outcome", outcome);
        model.addAttribute("loanTitles", titles(loans.stream().map(Loan::recordId).toList()));
    }

    private void lists(Model model) {
        List<Hold> holds = circulation.holdsToServe();
        List<Loan> overdue = circulation.overdue();
        model.addAttribute("holds", holds);
        model.addAttribute("overdue", overdue);
        model.addAttribute("titles", titles(Stream.concat(holds.stream().map(Hold::recordId),
                overdue.stream().map(Loan::recordId)).toList()));
        model.addAttribute("names", names(Stream.concat(holds.stream().map(Hold::memberId),
                overdue.stream().map(Loan::memberId)).toList()));
    }

    private Map<String, String> titles(Collection<String> recordIds) {
        // key reads: findAll's $in is a scan of the whole collection on the embedded store
        return recordIds.stream().distinct().map(catalogue::find).flatMap(Optional::stream)
                .collect(Collectors.toMap(Record::id, Record::title, (a, b) -> a));
    }

    private Map<String, Member> names(Collection<String> memberIds) {
        return memberIds.stream().distinct().map(members::find).flatMap(Optional::stream)
                .collect(Collectors.toMap(Member::id, m -> m, (a, b) -> a));
    }
}
