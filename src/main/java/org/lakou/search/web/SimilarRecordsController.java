package org.lakou.search.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lakou.search.SearchApi;
import org.lakou.search.SearchHit;
import org.lakou.shared.ApiException;
import org.lakou.shared.Viewer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Search")
@RestController
class SimilarRecordsController {

    static final int MAX_SIZE = 50;

    private final SearchApi search;

    SimilarRecordsController(SearchApi search) {
        this.search = search;
    }

    @Operation(summary = "Records similar to this one",
            description = "The published records most like this one (Solr MoreLikeThis over the text of the files the "
                    + "caller may read and the subjects), most similar first; 404 when the record is hidden from the "
                    + "caller. size is 1 to " + MAX_SIZE + " (default 10).")
    @GetMapping("/api/records/{id}/similar")
    List<SearchHit> similar(@PathVariable String id, @RequestParam(defaultValue = "10") int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw ApiException.badRequest("size must be between 1 and " + MAX_SIZE).with("parameter", "size");
        }
        return search.similar(id, Viewer.current(), size);
    }
}
