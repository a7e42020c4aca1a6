package org.lakou.oai.web;

import java.util.List;

import jakarta.validation.Valid;

import org.lakou.oai.harvest.HarvestRun;
import org.lakou.oai.harvest.HarvestSource;
import org.lakou.oai.harvest.HarvestSourceRequest;
import org.lakou.oai.harvest.HarvestSources;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Partner sources for administrators: register, change, remove, run now, and read the run log.
 * A manual run answers when it is over, with its log entry.
 */
@RestController
@RequestMapping("/api/harvest/sources")
class HarvestController {

    private final HarvestSources sources;

    HarvestController(HarvestSources sources) {
        this.sources = sources;
    }

    @GetMapping
    List<HarvestSource> list() {
        return sources.list();
    }

    @PostMapping
    ResponseEntity<HarvestSource> create(@Valid @RequestBody HarvestSourceRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(sources.create(request));
    }

    @GetMapping("/{id}")
    HarvestSource get(@PathVariable String id) {
        return sources.get(id);
    }

    @PutMapping("/{id}")
    HarvestSource update(@PathVariable String id, @Valid @RequestBody HarvestSourceRequest request) {
        return sources.update(id, request);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        sources.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/run")
    HarvestRun run(@PathVariable String id) {
        return sources.run(id);
    }

    @GetMapping("/{id}/runs")
    List<HarvestRun> runs(@PathVariable String id) {
        return sources.runs(id);
    }
}
