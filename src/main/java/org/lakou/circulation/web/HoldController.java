package org.lakou.circulation.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.lakou.circulation.CirculationApi;
import org.lakou.circulation.Hold;
import org.lakou.shared.ApiException;
import org.lakou.shared.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Holds: members place and cancel their own; staff act for anyone and see the queues. */
@Tag(name = "Holds", description = "First-come-first-served holds on records")
@RestController
@RequestMapping("/api/holds")
class HoldController {

    private final CirculationApi circulation;

    HoldController(CirculationApi circulation) {
        this.circulation = circulation;
    }

    /** {@code memberId}: staff placing a hold for someone; members leave it out. */
    record NewHold(@NotBlank String recordId, String memberId) {
    }

    @Operation(summary = "Place a hold on a record (for myself, or staff for a member)")
    @PostMapping
    ResponseEntity<Hold> place(@Valid @RequestBody NewHold body) {
        Viewer v = Viewer.current();
        String memberId = body.memberId() == null ? v.memberId() : body.memberId();
        if (!v.mayActFor(memberId)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Forbidden", "Members place holds for themselves only");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(circulation.placeHold(body.recordId(), memberId, null));
    }

    @Operation(summary = "Cancel a hold (its member or staff)")
    @DeleteMapping("/{holdId}")
    ResponseEntity<Void> cancel(@PathVariable String holdId) {
        Hold h = circulation.findHold(holdId).orElseThrow(() -> ApiException.notFound("Hold", holdId));
        if (!Viewer.current().mayActFor(h.memberId())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Forbidden", "This hold is another member's");
        }
        circulation.cancelHold(holdId);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "My holds, with my place in each queue")
    @GetMapping("/mine")
    List<Hold> mine() {
        return circulation.holdsOf(Viewer.current().memberId());
    }

    @Operation(summary = "A record's hold queue, or a member's holds (staff)")
    @GetMapping
    List<Hold> list(@RequestParam(required = false) String recordId, @RequestParam(required = false) String memberId) {
        if ((recordId == null) == (memberId == null)) {
            throw ApiException.badRequest("Give exactly one of recordId or memberId");
        }
        return recordId != null ? circulation.holdQueue(recordId) : circulation.holdsOf(memberId);
    }
}
