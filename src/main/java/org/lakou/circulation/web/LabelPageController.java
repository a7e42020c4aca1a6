package org.lakou.circulation.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.swagger.v3.oas.annotations.Hidden;

import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Copy;
import org.lakou.catalogue.Record;
import org.lakou.circulation.internal.LabelSheet;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Barcode labels ({@code /gestion/etiquettes}): tick copies among the recently changed records
 * (adding a copy changes its record) or scan barcodes into the list, then download one PDF sheet
 * ({@link LabelSheet}). The sheet is a GET: it changes nothing, and a browser downloads it as is.
 */
@Hidden
@Controller
class LabelPageController {

    static final int RECENT_RECORDS = 30;
    static final int MAX_LABELS = 240;

    private final CatalogueApi catalogue;
    private final LabelSheet sheet;

    LabelPageController(CatalogueApi catalogue, LabelSheet sheet) {
        this.catalogue = catalogue;
        this.sheet = sheet;
    }

    record Row(String recordId, String title, Copy copy) {
    }

    @GetMapping("/gestion/etiquettes")
    String choose(@RequestParam(name = "code", required = false) List<String> chosen, Model model) {
        fill(chosen, model.asMap()::put);
        return "circulation/labels";
    }

    private void fill(List<String> chosen, java.util.function.BiConsumer<String, Object> model) {
        List<Row> rows = new ArrayList<>();
        for (Record r : catalogue.list(null, 0, RECENT_RECORDS)) {
            r.copies().forEach(c -> rows.add(new Row(r.id(), r.title(), c)));
        }
        model.accept("rows", rows);
        model.accept("chosen", chosen == null ? Set.of() : Set.copyOf(chosen));
        model.accept("max", MAX_LABELS);
    }

    /** The sheet, or the choice page again with the reason (400) when a barcode is unknown or none is given. */
    @GetMapping(value = "/gestion/etiquettes/planche.pdf")
    Object pdf(@RequestParam(name = "code", required = false) List<String> ticked,
            @RequestParam(name = "codes", defaultValue = "") String scanned) {
        Set<String> barcodes = new LinkedHashSet<>();
        if (ticked != null) {
            ticked.stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(barcodes::add);
        }
        scanned.lines().map(String::trim).filter(s -> !s.isEmpty()).forEach(barcodes::add);
        if (barcodes.isEmpty()) {
            return refused(ticked, "labels.error.none", "");
        }
        if (barcodes.size() > MAX_LABELS) {
            return refused(ticked, "labels.error.tooMany", Integer.toString(MAX_LABELS));
        }
        List<LabelSheet.Label> labels = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String b : barcodes) {
            Optional<Copy> copy = catalogue.findByBarcode(b).filter(r -> !r.deleted())
                    .flatMap(r -> r.copies().stream().filter(c -> c.barcode().equals(b)).findFirst());
            copy.ifPresentOrElse(c -> labels.add(new LabelSheet.Label(c.barcode(), c.shelfMark())),
                    () -> unknown.add(b));
        }
        if (!unknown.isEmpty()) {
            return refused(ticked, "labels.error.unknown", String.join(", ", unknown));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("etiquettes.pdf").build().toString())
                .body(sheet.render(labels));
    }

    private ModelAndView refused(List<String> ticked, String key, String detail) {
        ModelAndView mav = new ModelAndView("circulation/labels");
        fill(ticked, mav::addObject);
        mav.addObject("labelsError", key);
        mav.addObject("labelsErrorDetail", detail);
        mav.setStatus(HttpStatus.BAD_REQUEST);
        return mav;
    }
}
