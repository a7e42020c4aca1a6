package org.lakou.thesaurus.web;

import java.io.IOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;

import org.lakou.catalogue.CatalogueApi;
import org.lakou.shared.ApiException;
import org.lakou.thesaurus.ApplyResult;
import org.lakou.thesaurus.ImportResult;
import org.lakou.thesaurus.QualityReport;
import org.lakou.thesaurus.SchemeInfo;
import org.lakou.thesaurus.SchemeVersion;
import org.lakou.thesaurus.ThesaurusApi;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Thesaurus versions on the staff desk (ADMIN): upload a version without applying it, review its
 * quality report and its diff against the current version, choose the remappings of the concepts
 * it retires, apply. The same {@link ThesaurusApi} calls as the REST API's import, diff and apply.
 */
@Hidden
@Controller
class ThesaurusAdminPageController {

    static final String BASE = "/gestion/admin/thesaurus";
    /** The select's value for "another concept", typed in the autocomplete field beside it. */
    static final String OTHER = "_other";

    private final ThesaurusApi thesaurus;
    private final CatalogueApi catalogue;

    ThesaurusAdminPageController(ThesaurusApi thesaurus, CatalogueApi catalogue) {
        this.thesaurus = thesaurus;
        this.catalogue = catalogue;
    }

    @GetMapping(BASE)
    String schemes(Model model) {
        String lang = lang();
        List<SchemeInfo> schemes = thesaurus.schemes().stream().filter(s -> !s.local()).toList();
        model.addAttribute("schemes", schemes);
        model.addAttribute("titles", titles(schemes, lang));
        model.addAttribute("pending", pending(schemes));
        return "thesaurus/admin";
    }

    /** Stores the file as a new version, not applied: the staff review it first. */
    @PostMapping(BASE + "/versions")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
            HttpServletResponse response) throws IOException {
        if (file == null || file.isEmpty()) {
            return refused(model, response, HttpServletResponse.SC_BAD_REQUEST, null, "admin.thesaurus.upload.empty",
                    null);
        }
        try {
            ImportResult r = thesaurus.importScheme(file.getBytes(), file.getOriginalFilename(), file.getContentType(),
                    "upload:" + file.getOriginalFilename(), false);
            return "redirect:" + BASE + "/" + r.schemeId() + "/versions/" + r.version();
        } catch (ApiException e) {
            Object report = e.properties().get("report");
            // the import's own status: 400 for a refused file, 413 for one over the size limit
            return refused(model, response, e.status().value(), e.getMessage(), "admin.thesaurus.upload.refused",
                    report instanceof QualityReport q ? q : null);
        }
    }

    private String refused(Model model, HttpServletResponse response, int status, String detail, String messageKey,
            QualityReport report) {
        response.setStatus(status);
        model.addAttribute("uploadError", messageKey);
        model.addAttribute("uploadDetail", detail);
        model.addAttribute("uploadReport", report);
        return schemes(model);
    }

    @GetMapping(BASE + "/{id}/versions/{version}")
    String version(@PathVariable String id, @PathVariable int version, Model model) {
        SchemeInfo scheme = thesaurus.scheme(id).orElseThrow(() -> ApiException.notFound("Scheme", id));
        SchemeVersion v = thesaurus.versions(scheme.id()).stream().filter(x -> x.version() == version).findFirst()
                .orElseThrow(() -> ApiException.notFound("Version", scheme.id() + "-v" + version));
        String lang = lang();
        model.addAttribute("scheme", scheme);
        model.addAttribute("schemeTitle", ThesaurusPageController.title(scheme, lang));
        model.addAttribute("v", v);
        Integer current = scheme.currentVersion();
        boolean comparable = current != null && current != version;
        model.addAttribute("review", comparable
                ? VersionReview.of(thesaurus.diff(scheme.id(), current, version), thesaurus, catalogue, scheme.id(), lang)
                : null);
        model.addAttribute("other", OTHER);
        return "thesaurus/admin-version";
    }

    /**
     * Applies the version with the staff's choices: {@code remap[uri]} is the select of each retired
     * concept, {@code other[uri]} the autocomplete field used when the select says "another concept".
     */
    @PostMapping(BASE + "/{id}/versions/{version}/apply")
    String apply(@PathVariable String id, @PathVariable int version, @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        try {
            ApplyResult result = thesaurus.applyVersion(id, version, choices(form, id, version));
            redirect.addFlashAttribute("applied", result);
            redirect.addFlashAttribute("flash", "admin.thesaurus.applied");
        } catch (ApiException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:" + BASE + "/" + id + "/versions/" + version;
    }

    private Map<String, String> choices(Map<String, String> form, String id, int version) {
        Map<String, String> out = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            String uri = bracketed(name, "remap");
            if (uri == null) {
                return;
            }
            String target = value.trim();
            if (OTHER.equals(target)) {
                String typed = form.getOrDefault("other[" + uri + "]", "").trim();
                if (typed.isEmpty()) {
                    throw ApiException.badRequest("Type the other concept chosen for " + uri);
                }
                target = resolveTyped(typed, id, version);
            }
            out.put(uri, target);
        });
        return out;
    }

    /** {@code remap[https://...]} gives {@code https://...}; null for another field. */
    static String bracketed(String name, String field) {
        return name.startsWith(field + "[") && name.endsWith("]") ? name.substring(field.length() + 1, name.length() - 1)
                : null;
    }

    /**
     * The autocomplete offers URIs, but staff may also type a label: look it up in the version being
     * applied first (another vocabulary may use the same words), then in every scheme.
     */
    private String resolveTyped(String typed, String id, int version) {
        if (typed.startsWith("http://") || typed.startsWith("https://")) {
            return typed;
        }
        java.util.Optional<String> own = thesaurus.versionLabels(id, version).entrySet().stream()
                .filter(e -> e.getValue().values().stream().anyMatch(typed::equalsIgnoreCase)).map(Map.Entry::getKey)
                .findFirst();
        if (own.isPresent()) {
            return own.get();
        }
        return thesaurus.findByLabel(typed, lang()).map(c -> c.uri())
                .orElseThrow(() -> ApiException.badRequest("No concept is labelled '" + typed + "'"));
    }

    /** Autocomplete options for the "another concept" fields, for htmx: live concepts only. */
    @GetMapping(BASE + "/concepts")
    String concepts(@RequestParam Map<String, String> form, Model model) {
        String q = form.entrySet().stream().filter(e -> bracketed(e.getKey(), "other") != null)
                .map(Map.Entry::getValue).filter(v -> !v.isBlank()).findFirst().orElse("");
        model.addAttribute("suggestions", q.isBlank() ? List.of()
                : thesaurus.suggest(q.trim(), lang(), ThesaurusPageController.SUGGESTIONS).stream()
                        .filter(s -> !s.deprecated()).toList());
        return "thesaurus/admin-options :: options";
    }

    /** Versions stored after the current one, newest first: uploads waiting for review. */
    private List<SchemeVersion> pending(List<SchemeInfo> schemes) {
        return schemes.stream().filter(s -> s.currentVersion() == null || s.lastVersion() > s.currentVersion())
                .flatMap(s -> thesaurus.versions(s.id()).stream()
                        .filter(v -> s.currentVersion() == null || v.version() > s.currentVersion()))
                .sorted(Comparator.comparing(SchemeVersion::imported).reversed()).toList();
    }

    private static Map<String, String> titles(List<SchemeInfo> schemes, String lang) {
        Map<String, String> out = new LinkedHashMap<>();
        schemes.forEach(s -> out.put(s.id(), ThesaurusPageController.title(s, lang)));
        return out;
    }

    private static String lang() {
        return LocaleContextHolder.getLocale().getLanguage();
    }
}
