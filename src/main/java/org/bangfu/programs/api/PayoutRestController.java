package org.bangfu.programs.api;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.bangfu.programs.BankJobs;
import org.bangfu.programs.BankPayer;
import org.bangfu.programs.Payouts;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Payouts", description = "Approved rosters of cash programs paid through bank files: the payer, the batch of a cycle, re-issue of failed lines, a person's own account")
class PayoutRestController {

	private final Payouts payouts;

	private final BankJobs jobs;

	private final MessageSource messages;

	PayoutRestController(Payouts payouts, BankJobs jobs, MessageSource messages) {
		this.payouts = payouts;
		this.jobs = jobs;
		this.messages = messages;
	}

	record BatchBody(@NotNull Long layoutId, LocalDate fileDate) {
	}

	record ReissueBody(LocalDate fileDate) {
	}

	record PayerBody(String name, String account) {
	}

	record AccountBody(String bankName, String account) {
	}

	@PostMapping("/api/v1/cycles/{id}/bank-batch")
	@PreAuthorize(ProgramRoles.ADMINISTER)
	@Operation(summary = "Creates the bank payment batch of an approved cycle of a cash program (lines not removed, with an amount and an account, not yet sent) as a job: 202 with the job's address in Location (GET /api/v1/bank-jobs/{id}); the payer must be recorded",
			description = "A cycle that is not a cash program's, not approved, without a payer or with nothing to send is refused at once (409 or 400); "
					+ "the rest is checked by the job, whose refusal the job's resource tells. A job run again after a crash issues no second batch.")
	ResponseEntity<BankJobRestController.BankJobResource> batch(@PathVariable long id, @Valid @RequestBody BatchBody body) {
		long job = jobs.submitBatch(Actor.require().scope(), id, body.layoutId(), body.fileDate());
		return BankJobRestController.accepted(jobs, job, messages);
	}

	@PostMapping("/api/v1/cycles/{id}/bank-reissue")
	@PreAuthorize(ProgramRoles.ADMINISTER)
	@Operation(summary = "Re-issues the cycle's failed lines to the account now on record, one follow-up batch per failed batch, as a job: 202 with the job's address in Location (GET /api/v1/bank-jobs/{id})")
	ResponseEntity<BankJobRestController.BankJobResource> reissue(@PathVariable long id,
			@RequestBody(required = false) ReissueBody body) {
		long job = jobs.submitReissue(Actor.require().scope(), id, body == null ? null : body.fileDate());
		return BankJobRestController.accepted(jobs, job, messages);
	}

	@GetMapping("/api/v1/bank/payer")
	@PreAuthorize(ProgramRoles.ADMINISTER)
	@Operation(summary = "The payer (name and account) of the caller's organisation; 404 when not recorded")
	BankPayer payer() {
		return payouts.payer(Actor.require().scope())
			.orElseThrow(() -> BangfuException.notFound("programs.payout.payer.required"));
	}

	@PutMapping("/api/v1/bank/payer")
	@PreAuthorize(ProgramRoles.ADMINISTER)
	@Operation(summary = "Records the payer (name and account) of the caller's organisation")
	BankPayer savePayer(@RequestBody PayerBody body) {
		return payouts.savePayer(Actor.require().scope(), body.name(), body.account());
	}

	@PutMapping("/api/v1/households/{householdId}/members/{memberId}/bank-account")
	@PreAuthorize(ProgramRoles.ADMINISTER)
	@Operation(summary = "Records a person's own account (bank card or social security card) for per-person money; stored encrypted")
	ResponseEntity<Void> memberAccount(@PathVariable long householdId, @PathVariable long memberId,
			@RequestBody AccountBody body) {
		payouts.saveMemberAccount(Actor.require().scope(), householdId, memberId, body.bankName(), body.account());
		return ResponseEntity.noContent().build();
	}

}
