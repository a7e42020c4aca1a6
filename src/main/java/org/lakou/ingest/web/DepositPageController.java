package org.lakou.ingest.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Hidden;

import org.lakou.ingest.DeskUpload;
import org.lakou.ingest.IngestApi;
import org.lakou.shared.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The upload page ({@code /gestion/depot}). The form posts one or many files (drag and drop only
 * fills the same {@code input type=file}); each is handed to {@link IngestApi#startDeskUpload} and
 * the page that follows lists them, each row polling its own state through htmx until it shows the
 * outcome: a draft to review, a duplicate of an existing record, or the quarantine and its reason.
 * Without JavaScript the rows are plain and the page has a link to look again.
 */
@Hidden
@Controller
class DepositPageController {

    /** A page follows at most this many files; a bigger folder belongs to the batch import. */
    private static final int MAX_FILES = 50;

    private final IngestApi ingest;

    DepositPageController(IngestApi ingest) {
        this.ingest = ingest;
    }

    @GetMapping("/gestion/depot")
    String page(@RequestParam(name = "suivi", required = false) List<String> ids, Model model) {
        List<DeskUpload> uploads = new ArrayList<>();
        if (ids != null) {
            ids.stream().limit(MAX_FILES).map(ingest::deskUpload).flatMap(Optional::stream).forEach(uploads::add);
        }
        model.addAttribute("uploads", uploads);
        model.addAttribute("maxFiles", MAX_FILES);
        model.addAttribute("running", uploads.stream().anyMatch(DeskUpload::running));
        return "ingest/deposit";
    }

    @PostMapping("/gestion/depot")
    String upload(@RequestParam(name = "fichiers", required = false) List<MultipartFile> files,
            RedirectAttributes redirect) {
        List<MultipartFile> chosen = files == null ? List.of()
                : files.stream().filter(f -> !f.isEmpty()).limit(MAX_FILES).toList();
        if (chosen.isEmpty()) {
            redirect.addFlashAttribute("flash", "cat.upload.none");
            return "redirect:/gestion/depot";
        }
        String uploader = Viewer.current().memberId();
        UriComponentsBuilder next = UriComponentsBuilder.fromPath("/gestion/depot");
        for (MultipartFile f : chosen) {
            try (InputStream in = f.getInputStream()) {
                next.queryParam("suivi", ingest.startDeskUpload(in, fileName(f), uploader).id());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return "redirect:" + next.toUriString();
    }

    /** One row, polled by htmx every second while the file is being read. */
    @GetMapping("/gestion/depot/fichiers/{id}")
    String row(@PathVariable String id, Model model) {
        model.addAttribute("u", ingest.deskUpload(id)
                .orElseThrow(() -> org.lakou.shared.ApiException.notFound("Upload", id)));
        return "ingest/deposit :: row";
    }

    /** Browsers may send a full client path; only the last segment is the name. */
    private static String fileName(MultipartFile f) {
        String name = f.getOriginalFilename();
        String last = name == null ? "" : name.replaceAll(".*[/\\\\]", "").strip();
        return last.isEmpty() ? "upload" : last;
    }
}
