package org.lakou.site.web;

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
import org.lakou.members.MemberStatus;
import org.lakou.members.Role;
import org.lakou.requests.DocRequest;
import org.lakou.requests.RequestApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A member's page at the desk ({@code /gestion/admin/membres/{id}}, ADMIN): the account, its
 * category, current loans, holds and documentation requests. It lives here rather than in
 * {@code members/web} because members sits below circulation and requests in the module graph
 * (they depend on it), and only {@code site}, on which nothing depends, may read all three. Its
 * forms post to the members module's page controller, which owns the account changes.
 */
@Hidden
@Controller
class MemberDetailPageController {

    private final MemberApi members;
    private final CirculationApi circulation;
    private final RequestApi requests;
    private final CatalogueApi catalogue;

    MemberDetailPageController(MemberApi members, CirculationApi circulation, RequestApi requests,
            CatalogueApi catalogue) {
        this.members = members;
        this.circulation = circulation;
        this.requests = requests;
        this.catalogue = catalogue;
    }

    @GetMapping("/gestion/admin/membres/{id}")
    String member(@PathVariable String id, Model model) {
        Member m = members.get(id);
        List<Loan> loans = circulation.loansOf(id);
        List<Hold> holds = circulation.holdsOf(id);
        List<DocRequest> asked = requests.ofMember(id);
        model.addAttribute("member", m);
        model.addAttribute("loans", loans);
        model.addAttribute("holds", holds);
        model.addAttribute("requests", asked);
        model.addAttribute("titles", titles(Stream.concat(loans.stream().map(Loan::recordId),
                holds.stream().map(Hold::recordId)).toList()));
        model.addAttribute("statuses", MemberStatus.values());
        model.addAttribute("roles", Role.values());
        return "gestion/admin-member";
    }

    private Map<String, String> titles(Collection<String> recordIds) {
        // one key read each: a $in over records is a full scan on the embedded store
        return recordIds.stream().distinct().map(catalogue::find).flatMap(Optional::stream)
                .collect(Collectors.toMap(Record::id, Record::title, (a, b) -> a));
    }
}
