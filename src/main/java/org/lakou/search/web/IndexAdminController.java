package org.lakou.search.web;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lakou.search.IndexStatus;
import org.lakou.search.SearchApi;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Index administration", description = "The search index: status and full rebuild")
@RestController
@RequestMapping("/api/admin")
class IndexAdminController {

    private final SearchApi search;

    IndexAdminController(SearchApi search) {
        this.search = search;
    }

    @Operation(summary = "Re-index every record",
            description = "Queues all records, tombstones included; the background indexer works through them. "
                    + "Answers at once with the number queued; follow progress on GET /api/admin/index.")
    @PostMapping("/reindex")
    ResponseEntity<Map<String, Integer>> reindex() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("queued", search.reindex()));
    }

    @Operation(summary = "Index status: records waiting, last indexing, Solr reachability")
    @GetMapping("/index")
    IndexStatus status() {
        return search.indexStatus();
    }
}
