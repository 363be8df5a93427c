package org.bangfu.funds.api;

import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.bangfu.funds.BudgetView;
import org.bangfu.funds.Budgets;
import org.bangfu.funds.DonationView;
import org.bangfu.funds.Donations;
import org.bangfu.funds.FundTransfers;
import org.bangfu.funds.NewDonation;
import org.bangfu.funds.TransferView;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Budgets, donations, fund transfers", description = "Budgets per year, fund and program; donations received (anonymous donors unnamed); transfers between funds with four eyes")
class FundBookRestController {

	private final Budgets budgets;

	private final Donations donations;

	private final FundTransfers transfers;

	FundBookRestController(Budgets budgets, Donations donations, FundTransfers transfers) {
		this.budgets = budgets;
		this.donations = donations;
		this.transfers = transfers;
	}

	record BudgetBody(Integer year, Long fundId, String programCode, BigDecimal amount) {
	}

	record TransferBody(Long fromFundId, Long toFundId, BigDecimal amount, String reason) {
	}

	@GetMapping("/api/v1/budgets")
	@PreAuthorize(FundRestController.READ)
	@Operation(summary = "The budgets of a year in the caller's subtree, with what is used of them (fen)")
	List<BudgetView> budgets(@RequestParam int year) {
		return budgets.list(Actor.require().scope(), year);
	}

	@PutMapping("/api/v1/budgets")
	@PreAuthorize(FundRestController.WRITE)
	@Operation(summary = "Sets the budget of a year, a fund and a program (no program: the fund's whole use); amount in yuan")
	BudgetView setBudget(@RequestBody BudgetBody body) {
		if (body.year() == null) {
			throw BangfuException.badField("year", "funds.budget.year");
		}
		if (body.fundId() == null) {
			throw BangfuException.badField("fundId", "funds.fund.required");
		}
		return budgets.set(Actor.require().scope(), body.year(), body.fundId(), body.programCode(), body.amount());
	}

	@GetMapping("/api/v1/donations")
	@PreAuthorize(FundRestController.READ)
	@Operation(summary = "Donations of the caller's subtree (of one fund when given), newest first; anonymous donors have no name; the view is audited")
	List<DonationView> donations(@RequestParam(required = false) Long fundId, @RequestParam(defaultValue = "0") int offset,
			@RequestParam(defaultValue = "100") int limit) {
		return donations.list(Actor.require().scope(), fundId, offset, limit);
	}

	@PostMapping("/api/v1/donations")
	@PreAuthorize(FundRestController.WRITE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Records a donation (cash, or goods at their value) and posts it; restricted to a program when purpose is set")
	DonationView donate(@RequestBody NewDonation body) {
		return donations.record(Actor.require().scope(), body);
	}

	@GetMapping("/api/v1/fund-transfers")
	@PreAuthorize(FundRestController.READ)
	@Operation(summary = "Transfers between funds of the caller's subtree, newest first")
	List<TransferView> transfers() {
		return transfers.list(Actor.require().scope());
	}

	@PostMapping("/api/v1/fund-transfers")
	@PreAuthorize(FundRestController.WRITE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Proposes a transfer of free money: from a transferable fund, or down the tree to a fund of the same source")
	TransferView propose(@RequestBody TransferBody body) {
		if (body.fromFundId() == null || body.toFundId() == null) {
			throw BangfuException.badField("fromFundId", "funds.fund.required");
		}
		return transfers.propose(Actor.require().scope(), body.fromFundId(), body.toFundId(), body.amount(), body.reason());
	}

	@PostMapping("/api/v1/fund-transfers/{id}/approval")
	@PreAuthorize(FundRestController.WRITE)
	@Operation(summary = "Approves and posts a proposed transfer (not by its proposer)")
	TransferView approve(@PathVariable long id) {
		return transfers.approve(Actor.require().scope(), id);
	}

	@PostMapping("/api/v1/fund-transfers/{id}/rejection")
	@PreAuthorize(FundRestController.WRITE)
	@Operation(summary = "Rejects a proposed transfer (not by its proposer)")
	TransferView reject(@PathVariable long id) {
		return transfers.reject(Actor.require().scope(), id);
	}

}
