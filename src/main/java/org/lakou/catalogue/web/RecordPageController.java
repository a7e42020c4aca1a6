package org.lakou.catalogue.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;

import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.ConceptLabels;
import org.lakou.catalogue.FileRef;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordNotFoundException;
import org.lakou.catalogue.RecordStatus;
import org.lakou.shared.ApiException;
import org.lakou.shared.PublicUrl;
import org.lakou.shared.Viewer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The record's public page, {@code /records/{id}}, and its citation exports. A draft, withdrawn or
 * staff-only record does not exist for the public (404, as in the API); a deleted one is gone (410).
 */
@Hidden
@Controller
class RecordPageController {

    private final CatalogueApi catalogue;
    private final ShownCopies shown;
    private final ObjectProvider<ConceptLabels> labels;
    private final PublicUrl publicUrl;

    RecordPageController(CatalogueApi catalogue, ShownCopies shown, ObjectProvider<ConceptLabels> labels,
            PublicUrl publicUrl) {
        this.catalogue = catalogue;
        this.shown = shown;
        this.labels = labels;
        this.publicUrl = publicUrl;
    }

    /** A concept as the page links it. */
    public record Ref(String uri, String label) {
    }

    /** A file and whether this reader may download it; {@code refusal} names the access level otherwise. */
    public record FileView(FileRef file, boolean allowed, String refusal) {
    }

    @GetMapping("/records/{id}")
    String page(@PathVariable String id, Model model) {
        Viewer viewer = Viewer.current();
        Record r = shown.show(visible(id, viewer));
        String lang = LocaleContextHolder.getLocale().getLanguage();
        List<String> uris = new ArrayList<>(r.subjects());
        uris.addAll(r.territories());
        ConceptLabels source = labels.getIfAvailable();
        Map<String, String> names = source == null ? Map.of() : source.labels(uris, lang);
        model.addAttribute("record", r);
        model.addAttribute("subjects", refs(r.subjects(), names));
        model.addAttribute("territories", refs(r.territories(), names));
        model.addAttribute("files", r.files().stream().map(f -> file(f, r, viewer)).toList());
        model.addAttribute("languageName", languageName(r.language()));
        model.addAttribute("permalink", publicUrl.record(r.id()));
        model.addAttribute("member", viewer.isMember());
        model.addAttribute("staffView", viewer.isStaff());
        model.addAttribute("holdable", !r.isHarvested() && !r.copies().isEmpty() && r.isPublic());
        return "catalogue/record";
    }

    @GetMapping("/records/{id}/citation.bib")
    ResponseEntity<byte[]> bibtex(@PathVariable String id) {
        Record r = visible(id, Viewer.current());
        return download(Citations.bibtex(r, publicUrl.record(id)), "application/x-bibtex", id + ".bib");
    }

    @GetMapping("/records/{id}/citation.ris")
    ResponseEntity<byte[]> ris(@PathVariable String id) {
        Record r = visible(id, Viewer.current());
        return download(Citations.ris(r, publicUrl.record(id)), "application/x-research-info-systems", id + ".ris");
    }

    private Record visible(String id, Viewer viewer) {
        Record r = catalogue.get(id);
        if (!r.isPublic() && !r.deleted() && !viewer.isStaff()) {
            throw new RecordNotFoundException(id);
        }
        if (r.deleted()) {
            throw new ApiException(HttpStatus.GONE, "Record deleted", "Record " + id + " was deleted");
        }
        return r;
    }

    /** The same rule as the download endpoint's, so the page never offers a link that then fails. */
    static FileView file(FileRef f, Record r, Viewer viewer) {
        boolean allowed = viewer.isStaff() || (r.status() == RecordStatus.PUBLISHED
                && (r.accessLevel() == AccessLevel.PUBLIC
                        || (r.accessLevel() == AccessLevel.MEMBERS && viewer.isMember())));
        return new FileView(f, allowed, allowed ? null : r.accessLevel().code());
    }

    private static List<Ref> refs(List<String> uris, Map<String, String> names) {
        return uris.stream().map(u -> new Ref(u, names.getOrDefault(u, u))).toList();
    }

    private static String languageName(String code) {
        if (code == null) {
            return null;
        }
        Locale shownIn = LocaleContextHolder.getLocale();
        String name = Locale.forLanguageTag(code).getDisplayLanguage(shownIn);
        return name.isBlank() ? code : name;
    }

    private static ResponseEntity<byte[]> download(String body, String type, String name) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.parseMediaType(type), StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body.getBytes(StandardCharsets.UTF_8));
    }
}
