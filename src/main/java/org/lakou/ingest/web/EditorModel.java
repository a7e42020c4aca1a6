package org.lakou.ingest.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.ConceptLabels;
import org.lakou.catalogue.DocumentTypes;
import org.lakou.catalogue.NearDuplicateLookup;
import org.lakou.catalogue.Record;
import org.lakou.members.AuditLog;
import org.lakou.members.MemberApi;
import org.lakou.members.Member;
import org.lakou.ingest.IngestApi;
import org.lakou.search.RecordSuggestions;
import org.lakou.search.SubjectSuggester;
import org.lakou.search.SubjectSuggestion;
import org.lakou.shared.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the review screen and the record editor show around the form: labels of the concepts, the
 * suggested subjects (a help: without the concepts index the page still works), a text preview,
 * who uploaded the file, the records whose text is nearly the same, and for published records the
 * history from the audit log.
 */
@Component
class EditorModel {

    private static final Logger log = LoggerFactory.getLogger(EditorModel.class);
    static final int SUGGESTIONS = 10;
    /** About the first two pages of a report: enough to check the title and the author. */
    private static final int PREVIEW_CHARS = 4000;
    private static final int HISTORY = 50;

    private final CatalogueApi catalogue;
    private final SubjectSuggester suggester;
    private final ObjectProvider<ConceptLabels> labels;
    private final AuditLog audit;
    private final MemberApi members;
    private final IngestApi ingest;
    private final NearDuplicateLookup nearDuplicates;

    EditorModel(CatalogueApi catalogue, SubjectSuggester suggester, ObjectProvider<ConceptLabels> labels,
            AuditLog audit, MemberApi members, IngestApi ingest, NearDuplicateLookup nearDuplicates) {
        this.catalogue = catalogue;
        this.suggester = suggester;
        this.labels = labels;
        this.audit = audit;
        this.members = members;
        this.ingest = ingest;
        this.nearDuplicates = nearDuplicates;
    }

    /** Fills the page's model; {@code form} is what the form shows (the record, or what was typed). */
    void fill(Model model, Record record, RecordForm form) {
        boolean review = record.status() == org.lakou.catalogue.RecordStatus.DRAFT;
        List<SubjectSuggestion> suggestions = suggestions(record.id());
        model.addAttribute("record", record);
        model.addAttribute("form", form);
        model.addAttribute("review", review);
        model.addAttribute("types", DocumentTypes.KNOWN);
        model.addAttribute("levels", AccessLevel.values());
        model.addAttribute("suggestions", suggestions);
        model.addAttribute("labels", labels(form, suggestions));
        model.addAttribute("preview", preview(record.id()));
        model.addAttribute("uploader", uploader(record.id()));
        model.addAttribute("history", review ? List.of() : audit.about(record.id(), HISTORY));
        model.addAttribute("nearDuplicates", nearDuplicates.nearDuplicates(record.id(), Viewer.current()));
    }

    /** Null when the concepts index cannot answer; the page says so instead of failing. */
    List<SubjectSuggestion> suggestions(String recordId) {
        try {
            RecordSuggestions s = suggester.suggestForRecord(recordId, SUGGESTIONS);
            return s.suggestions();
        } catch (RuntimeException e) {
            log.warn("No subject suggestions for {}: {}", recordId, e.toString());
            return null;
        }
    }

    Map<String, String> labels(RecordForm form, List<SubjectSuggestion> suggestions) {
        Set<String> uris = new LinkedHashSet<>();
        if (form.subjects() != null) {
            uris.addAll(form.subjects());
        }
        if (form.territories() != null) {
            uris.addAll(form.territories());
        }
        ConceptLabels source = labels.getIfAvailable();
        Map<String, String> found = source == null || uris.isEmpty() ? new java.util.HashMap<>()
                : new java.util.HashMap<>(source.labels(uris, LocaleContextHolder.getLocale().getLanguage()));
        if (suggestions != null) {
            suggestions.forEach(s -> found.putIfAbsent(s.uri(), s.label()));
        }
        return found;
    }

    private String preview(String recordId) {
        String text = catalogue.fullText(recordId);
        if (text == null || text.isBlank()) {
            return null;
        }
        String start = text.length() > PREVIEW_CHARS ? text.substring(0, PREVIEW_CHARS) + " …" : text;
        return start.strip();
    }

    private String uploader(String recordId) {
        String id = ingest.uploaders(List.of(recordId)).get(recordId);
        return id == null ? null : members.find(id).map(Member::name).orElse(id);
    }

    /** Display names of these accounts, for the drafts list's filter. */
    Map<String, String> names(Set<String> accountIds) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (String id : new ArrayList<>(accountIds)) {
            out.put(id, members.find(id).map(Member::name).orElse(id));
        }
        return out;
    }
}
