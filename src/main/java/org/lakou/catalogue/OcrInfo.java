package org.lakou.catalogue;

import java.util.List;

/**
 * How a file's text was read by OCR, so staff can tell it from a text layer and judge it.
 *
 * @param language       the Tesseract languages used ({@code fra+eng})
 * @param pagesRead      pages that gave text
 * @param meanConfidence Tesseract's mean word confidence (0–100) over the pages read; null when no word came out
 * @param pages          each page tried and its outcome: {@code ok}, {@code empty}, {@code timeout}, {@code failed},
 *                       {@code skipped} (the document's time was up)
 */
public record OcrInfo(String language, int pagesRead, Double meanConfidence, List<Page> pages) {

    public OcrInfo {
        pages = pages == null ? List.of() : List.copyOf(pages);
    }

    public record Page(int page, String outcome) {
    }
}
