package org.lakou.alerts.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.lakou.alerts.Alert;
import org.lakou.alerts.AlertApi;
import org.lakou.alerts.AlertCommand;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A member's alerts: e-mail digests of new records on the concepts they follow. */
@Tag(name = "Alerts", description = "Members' alerts: daily or weekly e-mail digests of newly published records")
@RestController
@RequestMapping("/api/alerts")
class AlertController {

    private final AlertApi alerts;

    AlertController(AlertApi alerts) {
        this.alerts = alerts;
    }

    @Operation(summary = "My alerts; staff may list a member's with memberId")
    @GetMapping
    List<Alert> list(@Parameter(description = "staff only: whose alerts") @RequestParam(required = false)
            String memberId) {
        return alerts.list(memberId);
    }

    @Operation(summary = "Create an alert for myself (400 on unknown concepts, 409 past the per-member cap)")
    @PostMapping
    ResponseEntity<Alert> create(@Valid @RequestBody AlertCommand body) {
        Alert a = alerts.create(body);
        return ResponseEntity.created(URI.create("/api/alerts/" + a.id())).body(a);
    }

    @Operation(summary = "One of my alerts (404 when it is someone else's)")
    @GetMapping("/{id}")
    Alert get(@PathVariable String id) {
        return alerts.get(id);
    }

    @Operation(summary = "Replace an alert's criteria; re-activating it starts the next digest from now")
    @PutMapping("/{id}")
    Alert update(@PathVariable String id, @Valid @RequestBody AlertCommand body) {
        return alerts.update(id, body);
    }

    @Operation(summary = "Delete one of my alerts")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        alerts.delete(id);
        return ResponseEntity.noContent().build();
    }
}
