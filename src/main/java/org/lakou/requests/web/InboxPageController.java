package org.lakou.requests.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;

import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.members.Member;
import org.lakou.members.MemberApi;
import org.lakou.members.Role;
import org.lakou.requests.DocRequest;
import org.lakou.requests.RequestApi;
import org.lakou.requests.RequestStatus;
import org.lakou.shared.ApiException;
import org.lakou.shared.FileResponses;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The documentation requests inbox ({@code /gestion/demandes}), filtered by status and assignee,
 * and a request's page with its workflow actions, each on {@link RequestApi} like the REST API.
 * A refused action (a missing reason, a transition the workflow forbids, an unknown record) comes
 * back as the request's page with the reason and the 4xx status, the form as typed.
 */
@Hidden
@Controller
class InboxPageController {

    private final RequestApi requests;
    private final MemberApi members;
    private final CatalogueApi catalogue;

    InboxPageController(RequestApi requests, MemberApi members, CatalogueApi catalogue) {
        this.requests = requests;
        this.members = members;
        this.catalogue = catalogue;
    }

    @GetMapping("/gestion/demandes")
    String inbox(@RequestParam(name = "statut", required = false) String status,
            @RequestParam(name = "assigne", required = false) String assignee, Model model) {
        RequestStatus s = status == null || status.isBlank() ? null : RequestStatus.of(status);
        String a = assignee == null || assignee.isBlank() ? null : assignee;
        List<DocRequest> list = requests.list(s, a);
        model.addAttribute("requests", list);
        model.addAttribute("statuses", RequestStatus.values());
        model.addAttribute("status", s);
        model.addAttribute("assignee", a);
        model.addAttribute("staff", staff());
        model.addAttribute("names", names(list.stream().flatMap(r -> Stream.of(r.memberId(), r.assignee()))));
        return "requests/inbox";
    }

    @GetMapping("/gestion/demandes/{id}")
    String request(@PathVariable String id, Model model) {
        return page(requests.get(id), model);
    }

    @PostMapping("/gestion/demandes/{id}/accepter")
    String accept(@PathVariable String id, @RequestParam(defaultValue = "") String note, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, "inbox.done.accepted", () -> requests.accept(id, blankToNull(note)), model, response, redirect);
    }

    @PostMapping("/gestion/demandes/{id}/refuser")
    String refuse(@PathVariable String id, @RequestParam(name = "motif", defaultValue = "") String reason,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, "inbox.done.refused", () -> requests.refuse(id, required(reason, "a reason for the refusal")),
                model, response, redirect);
    }

    @PostMapping("/gestion/demandes/{id}/commencer")
    String start(@PathVariable String id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, "inbox.done.started", () -> requests.start(id), model, response, redirect);
    }

    @PostMapping("/gestion/demandes/{id}/assigner")
    String assign(@PathVariable String id, @RequestParam(name = "assigne", defaultValue = "") String assignee,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, "inbox.done.assigned", () -> requests.assign(id, required(assignee, "a documentalist")),
                model, response, redirect);
    }

    @PostMapping("/gestion/demandes/{id}/journal")
    String log(@PathVariable String id, @RequestParam(defaultValue = "") String note,
            @RequestParam(name = "minutes", defaultValue = "0") int minutes, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, "inbox.done.logged", () -> requests.logAction(id, required(note, "what was done"),
                minutes(minutes)), model, response, redirect);
    }

    @PostMapping("/gestion/demandes/{id}/fichiers")
    String attach(@PathVariable String id, @RequestParam(name = "fichier", required = false) MultipartFile file,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, "inbox.done.attached", () -> {
            if (file == null || file.isEmpty()) {
                throw ApiException.badRequest("Choose a file to attach");
            }
            requests.attach(id, FileResponses.baseName(file.getOriginalFilename()), file.getContentType(),
                    bytes(file));
            return null;
        }, model, response, redirect);
    }

    @PostMapping("/gestion/demandes/{id}/repondre")
    String answer(@PathVariable String id, @RequestParam(name = "texte", defaultValue = "") String text,
            @RequestParam(name = "notices", defaultValue = "") String records,
            @RequestParam(name = "fichiers", required = false) List<String> fileIds,
            @RequestParam(name = "minutes", defaultValue = "0") int minutes, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, "inbox.done.answered", () -> requests.answer(id, required(text, "the answer's text"),
                recordIds(records), fileIds, minutes(minutes)), model, response, redirect);
    }

    @PostMapping("/gestion/demandes/{id}/clore")
    String close(@PathVariable String id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, "inbox.done.closed", () -> requests.close(id), model, response, redirect);
    }

    private String act(String id, String done, Supplier<?> action, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            action.get();
        } catch (ApiException e) {
            response.setStatus(e.status().value());
            model.addAttribute("actionError", e.getMessage());
            return page(requests.get(id), model);
        }
        redirect.addFlashAttribute("done", done);
        return "redirect:/gestion/demandes/" + id;
    }

    private String page(DocRequest r, Model model) {
        model.addAttribute("request", r);
        model.addAttribute("member", members.find(r.memberId()).orElse(null));
        model.addAttribute("staff", staff());
        model.addAttribute("names", names(Stream.concat(Stream.of(r.assignee()),
                r.actions().stream().map(DocRequest.Action::by))));
        List<String> cited = r.answer() == null ? List.of() : r.answer().recordIds();
        model.addAttribute("answerRecords", cited.stream().distinct().map(catalogue::find)
                .flatMap(Optional::stream).collect(Collectors.toMap(Record::id, Record::title, (x, y) -> x)));
        return "requests/inbox-request";
    }

    private List<Member> staff() {
        return Stream.concat(members.list(null, Role.DOCUMENTALIST, 0, 200).stream(),
                members.list(null, Role.ADMIN, 0, 200).stream()).toList();
    }

    private Map<String, String> names(Stream<String> ids) {
        return ids.filter(x -> x != null).distinct().map(members::find).flatMap(Optional::stream)
                .collect(Collectors.toMap(Member::id, Member::name, (x, y) -> x));
    }

    /** One per line or separated by spaces or commas; a record's address works as well as its id. */
    static List<String> recordIds(String text) {
        return Arrays.stream(text.split("[\\s,]+")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.replaceAll(".*/records/", "").replaceAll("[?#].*", "")).distinct().toList();
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("Give " + what);
        }
        return value.trim();
    }

    private static int minutes(int minutes) {
        if (minutes < 0 || minutes > 10_000) {
            throw ApiException.badRequest("Minutes must be between 0 and 10000");
        }
        return minutes;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
