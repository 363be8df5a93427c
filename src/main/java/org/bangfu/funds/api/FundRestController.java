package org.bangfu.funds.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.bangfu.funds.Balance;
import org.bangfu.funds.FundView;
import org.bangfu.funds.Funds;
import org.bangfu.funds.Ledger;
import org.bangfu.funds.LedgerEntryView;
import org.bangfu.funds.NewFund;
import org.bangfu.shared.Actor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Funds", description = "Funds by source with their balances at a date, money received, the double-entry ledger (entries, balances, reversals)")
class FundRestController {

	static final String READ = "hasAnyRole('ADMIN','FINANCE_OFFICER','AUDITOR')";

	static final String WRITE = "hasAnyRole('ADMIN','FINANCE_OFFICER')";

	private final Funds funds;

	private final Ledger ledger;

	FundRestController(Funds funds, Ledger ledger) {
		this.funds = funds;
		this.ledger = ledger;
	}

	record ReceiptBody(BigDecimal amount, LocalDate on, String memo) {
	}

	record ReversalBody(String reason) {
	}

	@GetMapping("/api/v1/funds")
	@PreAuthorize(READ)
	@Operation(summary = "The funds of the caller's organisation subtree with their balances in fen at the end of a date (default today)")
	List<FundView> list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
		var scope = Actor.require().scope();
		return at == null ? funds.list(scope) : funds.list(scope, at);
	}

	@PostMapping("/api/v1/funds")
	@PreAuthorize(WRITE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Opens a fund in the caller's organisation (code unique there); a revolving fund names the fund it is topped up from")
	FundView open(@RequestBody NewFund body) {
		return funds.open(Actor.require().scope(), body);
	}

	@GetMapping("/api/v1/funds/{id}")
	@PreAuthorize(READ)
	@Operation(summary = "A fund with its balances in fen at the end of a date (default today)")
	FundView fund(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
		var scope = Actor.require().scope();
		return at == null ? funds.fund(scope, id) : funds.fund(scope, id, at);
	}

	@PostMapping("/api/v1/funds/{id}/receipts")
	@PreAuthorize(WRITE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Posts money received into the fund (amount in yuan, at most 2 decimals); returns the posting id")
	Map<String, Long> receive(@PathVariable long id, @RequestBody ReceiptBody body) {
		return Map.of("postingId", funds.receive(Actor.require().scope(), id, body.amount(), body.on(), body.memo()));
	}

	@GetMapping("/api/v1/ledger/entries")
	@PreAuthorize(READ)
	@Operation(summary = "A page of a fund's ledger entries, newest first (debit positive, credit negative, in fen)")
	List<LedgerEntryView> entries(@RequestParam long fundId, @RequestParam(defaultValue = "0") int offset,
			@RequestParam(defaultValue = "100") int limit) {
		return ledger.entries(Actor.require().scope(), fundId, offset, limit);
	}

	@GetMapping("/api/v1/ledger/balances")
	@PreAuthorize(READ)
	@Operation(summary = "Balances in fen of the caller's subtree at the end of a date, by fund, program or organisation")
	List<Balance> balances(@RequestParam(defaultValue = "fund") String by,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
		return ledger.balances(Actor.require().scope(), by, at);
	}

	@PostMapping("/api/v1/ledger/postings/{id}/reversal")
	@PreAuthorize(WRITE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Reverses a posting of money received, donated or transferred (a correction); returns the reversal's posting id")
	Map<String, Long> reverse(@PathVariable long id, @RequestBody ReversalBody body) {
		return Map.of("postingId", ledger.reverse(Actor.require().scope(), id, body.reason()));
	}

}
