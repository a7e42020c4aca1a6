package org.lakou.circulation.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.lakou.circulation.CirculationApi;
import org.lakou.circulation.CirculationApi.ReturnResult;
import org.lakou.circulation.Loan;
import org.lakou.circulation.LoanHistoryEntry;
import org.lakou.circulation.Refusal;
import org.lakou.shared.ApiException;
import org.lakou.shared.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The circulation desk (staff) and a member's own loans. */
@Tag(name = "Loans", description = "Checkout, return, renewal, lost copies, history and overdue list")
@RestController
@RequestMapping("/api/loans")
class LoanController {

    private final CirculationApi circulation;

    LoanController(CirculationApi circulation) {
        this.circulation = circulation;
    }

    record Checkout(@NotBlank String barcode, @NotBlank String memberId) {
    }

    record Checkin(@NotBlank String barcode, Boolean damaged) {
    }

    @Operation(summary = "Check a copy out to a member (desk)",
            description = "Refusals are 409 ProblemDetails with a `reason`: quota-reached, copy-on-loan, "
                    + "on-hold-for-another, member-suspended, overdue-blocked, not-loanable.")
    @PostMapping
    ResponseEntity<Loan> checkout(@Valid @RequestBody Checkout body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(circulation.checkout(body.barcode(), body.memberId()));
    }

    @Operation(summary = "Return a copy (desk); `damaged` marks the copy damaged")
    @PostMapping("/return")
    ReturnResult checkin(@Valid @RequestBody Checkin body) {
        return circulation.checkin(body.barcode(), Boolean.TRUE.equals(body.damaged()));
    }

    @Operation(summary = "Renew a loan (the borrower or staff)")
    @PostMapping("/{barcode}/renew")
    Loan renew(@PathVariable String barcode) {
        Loan loan = circulation.loanOf(barcode)
                .orElseThrow(() -> Refusal.NOT_ON_LOAN.refuse("Copy " + barcode + " is not on loan"));
        if (!Viewer.current().mayActFor(loan.memberId())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Forbidden", "This loan is another member's");
        }
        return circulation.renew(barcode);
    }

    @Operation(summary = "Declare a copy on loan lost (desk)")
    @PostMapping("/{barcode}/lost")
    LoanHistoryEntry lost(@PathVariable String barcode) {
        return circulation.declareLost(barcode);
    }

    @Operation(summary = "The current loan of a copy (desk)")
    @GetMapping("/{barcode}")
    Loan ofCopy(@PathVariable String barcode) {
        return circulation.loanOf(barcode).orElseThrow(() -> ApiException.notFound("Loan of copy", barcode));
    }

    @Operation(summary = "A member's current loans (desk)")
    @GetMapping
    List<Loan> ofMember(@RequestParam String memberId) {
        return circulation.loansOf(memberId);
    }

    @Operation(summary = "Overdue loans, most overdue first (desk)")
    @GetMapping("/overdue")
    List<Loan> overdue() {
        return circulation.overdue();
    }

    @Operation(summary = "Loan history of a member or of a copy (desk)")
    @GetMapping("/history")
    List<LoanHistoryEntry> history(@RequestParam(required = false) String memberId,
            @RequestParam(required = false) String barcode) {
        if ((memberId == null) == (barcode == null)) {
            throw ApiException.badRequest("Give exactly one of memberId or barcode");
        }
        return memberId != null ? circulation.historyOfMember(memberId) : circulation.historyOfCopy(barcode);
    }

    @Operation(summary = "My current loans")
    @GetMapping("/mine")
    List<Loan> mine() {
        return circulation.loansOf(Viewer.current().memberId());
    }

    @Operation(summary = "My loan history")
    @GetMapping("/mine/history")
    List<LoanHistoryEntry> myHistory() {
        return circulation.historyOfMember(Viewer.current().memberId());
    }
}
