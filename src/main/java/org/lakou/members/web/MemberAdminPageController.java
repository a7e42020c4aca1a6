package org.lakou.members.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import org.lakou.members.Member;
import org.lakou.members.MemberApi;
import org.lakou.members.MemberCategory;
import org.lakou.members.MemberProfile;
import org.lakou.members.MemberStatus;
import org.lakou.members.NewMember;
import org.lakou.members.PasswordResetApi;
import org.lakou.members.Role;
import org.lakou.shared.ApiException;
import org.lakou.shared.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administration of accounts at {@code /gestion/admin/membres} (ADMIN, by the security rules): the
 * list with its search and filters, the create and edit forms, and the actions of a member's page
 * (status, role, password-reset mail). The member's page itself, which also shows loans and
 * requests, is in {@code site/web}: this module sits below circulation and requests.
 */
@Hidden
@Controller
class MemberAdminPageController {

    static final String BASE = "/gestion/admin/membres";
    private static final int PAGE_SIZE = 50;

    private final MemberApi members;
    private final PasswordResetApi resets;
    private final Validator validator;

    MemberAdminPageController(MemberApi members, PasswordResetApi resets, Validator validator) {
        this.members = members;
        this.resets = resets;
        this.validator = validator;
    }

    /** The form's fields as typed, so a refused form comes back filled in. */
    record MemberForm(String email, String name, String organisation, String category, String role) {

        static MemberForm of(Member m) {
            return new MemberForm(m.email(), m.name(), m.organisation(), m.category().code(), m.role().code());
        }

        static MemberForm blank() {
            return new MemberForm("", "", "", MemberCategory.AUTRE.code(), Role.MEMBER.code());
        }
    }

    @GetMapping(BASE)
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(name = "categorie", defaultValue = "")
            String category, @RequestParam(defaultValue = "") String role, @RequestParam(defaultValue = "0") int page,
            Model model) {
        MemberCategory cat = category.isBlank() ? null : MemberCategory.of(category);
        Role r = role.isBlank() ? null : Role.of(role);
        int p = Math.max(page, 0);
        // one more than a page tells whether a next page exists without counting
        List<Member> found = members.list(q.isBlank() ? null : q, r, cat, p, PAGE_SIZE + 1);
        model.addAttribute("members", found.stream().limit(PAGE_SIZE).toList());
        model.addAttribute("hasNext", found.size() > PAGE_SIZE);
        model.addAttribute("page", p);
        model.addAttribute("q", q);
        model.addAttribute("category", category);
        model.addAttribute("role", role);
        model.addAttribute("categories", MemberCategory.values());
        model.addAttribute("roles", Role.values());
        return "members/admin-list";
    }

    @GetMapping(BASE + "/nouveau")
    String newForm(Model model) {
        return form(model, null, MemberForm.blank(), Map.of());
    }

    @PostMapping(BASE)
    String create(MemberForm form, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "false") boolean invite, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        MemberCategory category = parse(() -> MemberCategory.of(form.category()), "category", errors);
        Role role = parse(() -> Role.of(form.role()), "role", errors);
        NewMember m = new NewMember(trim(form.email()), trim(form.name()), blankToNull(form.organisation()), category,
                role, password.isEmpty() ? null : password);
        validate(m, errors);
        Member created = errors.isEmpty() ? claim(() -> members.create(m), errors) : null;
        if (created == null) {
            response.setStatus(400);
            return form(model, null, form, errors);
        }
        if (invite) {
            sendReset(created, request, redirect);
        }
        redirect.addFlashAttribute("flash", "admin.members.created.flash");
        return "redirect:" + BASE + "/" + created.id();
    }

    @GetMapping(BASE + "/{id}/modifier")
    String editForm(@PathVariable String id, Model model) {
        Member m = members.get(id);
        return form(model, m, MemberForm.of(m), Map.of());
    }

    @PostMapping(BASE + "/{id}/modifier")
    String update(@PathVariable String id, MemberForm form, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        Member existing = members.get(id);
        Map<String, String> errors = new LinkedHashMap<>();
        MemberCategory category = parse(() -> MemberCategory.of(form.category()), "category", errors);
        MemberProfile p = new MemberProfile(trim(form.email()), trim(form.name()), blankToNull(form.organisation()),
                category);
        validate(p, errors);
        Member saved = errors.isEmpty() ? claim(() -> members.update(id, p), errors) : null;
        if (saved == null) {
            response.setStatus(400);
            return form(model, existing, form, errors);
        }
        redirect.addFlashAttribute("flash", "admin.members.saved");
        return "redirect:" + BASE + "/" + id;
    }

    @PostMapping(BASE + "/{id}/statut")
    String status(@PathVariable String id, @RequestParam String status, RedirectAttributes redirect) {
        MemberStatus s = MemberStatus.of(status);
        if (notMyself(id, redirect)) {
            members.setStatus(id, s);
            redirect.addFlashAttribute("flash", "admin.members.status.changed");
        }
        return "redirect:" + BASE + "/" + id;
    }

    @PostMapping(BASE + "/{id}/role")
    String role(@PathVariable String id, @RequestParam String role, RedirectAttributes redirect) {
        Role r = Role.of(role);
        if (notMyself(id, redirect)) {
            members.setRole(id, r);
            redirect.addFlashAttribute("flash", "admin.members.role.changed");
        }
        return "redirect:" + BASE + "/" + id;
    }

    /** The member's own forgotten-password flow, started for them: they choose the password. */
    @PostMapping(BASE + "/{id}/reinitialiser")
    String reset(@PathVariable String id, HttpServletRequest request, RedirectAttributes redirect) {
        sendReset(members.get(id), request, redirect);
        return "redirect:" + BASE + "/" + id;
    }

    private void sendReset(Member m, HttpServletRequest request, RedirectAttributes redirect) {
        if (m.status() == MemberStatus.CLOSED) {
            redirect.addFlashAttribute("flashErrorKey", "admin.members.reset.closed");
            return;
        }
        try {
            resets.request(m.email(), request.getRemoteAddr());
            redirect.addFlashAttribute("resetSent", true);
        } catch (ApiException e) {
            redirect.addFlashAttribute("flashErrorKey", "admin.members.reset.throttled");
        }
    }

    /** An administrator who suspends or demotes themselves could lock the centre out of its desk. */
    private static boolean notMyself(String id, RedirectAttributes redirect) {
        if (id.equals(Viewer.current().memberId())) {
            redirect.addFlashAttribute("flashErrorKey", "admin.members.self");
            return false;
        }
        return true;
    }

    private String form(Model model, Member member, MemberForm form, Map<String, String> errors) {
        model.addAttribute("member", member);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("categories", MemberCategory.values());
        model.addAttribute("roles", Role.values());
        return "members/admin-form";
    }

    private void validate(Object o, Map<String, String> errors) {
        validator.validate(o).forEach(v -> {
            String field = v.getPropertyPath().toString();
            errors.putIfAbsent(field, "admin.members.error." + field);
        });
    }

    /** The e-mail is claimed by the API; a taken address is the e-mail field's error, not a failure. */
    private static Member claim(java.util.function.Supplier<Member> write, Map<String, String> errors) {
        try {
            return write.get();
        } catch (ApiException e) {
            if (!"email-taken".equals(e.properties().get("reason"))) {
                throw e;
            }
            errors.put("email", "admin.members.error.emailTaken");
            return null;
        }
    }

    private static <T> T parse(java.util.function.Supplier<T> parser, String field, Map<String, String> errors) {
        try {
            return parser.get();
        } catch (RuntimeException e) {
            errors.put(field, "admin.members.error." + field);
            return null;
        }
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
