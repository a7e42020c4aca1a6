package org.lakou.circulation.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.lakou.circulation.CirculationApi;
import org.lakou.circulation.Policy;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The loan policy table: member category × document type. Staff read it; administrators change it. */
@Tag(name = "Policies", description = "Loan rules per member category and document type")
@RestController
@RequestMapping("/api/policies")
class PolicyController {

    private final CirculationApi circulation;

    PolicyController(CirculationApi circulation) {
        this.circulation = circulation;
    }

    @Operation(summary = "The policy table; the last row (*, *) is the configured default")
    @GetMapping
    List<Policy> list() {
        return circulation.policies();
    }

    @Operation(summary = "Add or replace a row (administrators); `*` matches any category or type")
    @PutMapping
    Policy put(@Valid @RequestBody Policy policy) {
        return circulation.putPolicy(policy);
    }

    @Operation(summary = "Delete a row (administrators)")
    @DeleteMapping
    ResponseEntity<Void> delete(@RequestParam String category, @RequestParam String documentType) {
        circulation.deletePolicy(category, documentType);
        return ResponseEntity.noContent().build();
    }
}
