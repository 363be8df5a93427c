package org.bangfu.programs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bangfu.audit.AuditLog;
import org.bangfu.programs.internal.CycleStore;
import org.bangfu.programs.internal.bank.BankCipher;
import org.bangfu.programs.internal.payout.PayoutPolicy;
import org.bangfu.programs.internal.payout.PayoutStore;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pays approved rosters of cash programs through bank files ({@link BankFiles}): the payer of the
 * caller's organisation, the batch of a cycle's lines (reference = roster line id, clear account
 * and ID number of the payee, purpose = the program's name), failed lines re-issued to the account
 * now on record, and a person's own account. A line's payment status (NOT_SENT, SENT, PAID, FAILED)
 * follows the bank batches; a paid line is never sent again.
 */
@Service
public class Payouts {

	private static final int PROGRESS_EVERY = 1000;

	private final PayoutStore store;

	private final Rosters rosters;

	private final CycleStore cycles;

	private final BankFiles bank;

	private final BankCipher cipher;

	private final HouseholdRegistry registry;

	private final AuditLog audit;

	Payouts(PayoutStore store, Rosters rosters, CycleStore cycles, BankFiles bank, BankCipher cipher,
			HouseholdRegistry registry, AuditLog audit) {
		this.store = store;
		this.rosters = rosters;
		this.cycles = cycles;
		this.bank = bank;
		this.cipher = cipher;
		this.registry = registry;
		this.audit = audit;
	}

	/** The payer of the caller's organisation, if recorded. */
	public Optional<BankPayer> payer(Scope scope) {
		return store.payer(scope.organisationId());
	}

	/** Records the name and account the caller's organisation pays from. */
	@Transactional
	public BankPayer savePayer(Scope scope, String name, String account) {
		BankPayer payer = new BankPayer(scope.organisationId(), PayoutPolicy.name("name", name), PayoutPolicy.account(account));
		store.savePayer(payer, Actor.require().login());
		audit.record("bank.payer.save", "organisation", scope.organisationId(),
				Map.of("name", payer.name(), "account", PayoutPolicy.masked(payer.account())));
		return payer;
	}

	/**
	 * Refuses (as {@link #createBatch} would) a cycle whose batch cannot be issued: not a cash program,
	 * not approved, no payer recorded, or nothing left to send. Cheap: pages and the API check before
	 * they queue the job.
	 */
	public CycleView checkBatch(Scope scope, long cycleId) {
		CycleView c = rosters.cycle(scope, cycleId);
		if (c.form() != ProgramForm.CASH) {
			throw new BangfuException(Problem.CONFLICT, "programs.payout.notCash", c.label());
		}
		if (c.status() != CycleStatus.APPROVED) {
			throw new BangfuException(Problem.CONFLICT, "programs.payout.notApproved", c.label());
		}
		if (store.payer(scope.organisationId()).isEmpty()) {
			throw BangfuException.badField("payer", "programs.payout.payer.required");
		}
		if (store.countToSend(cycleId) == 0) {
			throw new BangfuException(Problem.CONFLICT, "programs.payout.nothingToSend", c.label());
		}
		return c;
	}

	/**
	 * Issues the bank payment batch of an approved cycle of a cash program: every line not removed,
	 * with an amount and an account, not yet sent. Refused without a payer, or with nothing to send.
	 */
	@Transactional
	public BankBatchView createBatch(Scope scope, long cycleId, long layoutId, LocalDate fileDate) {
		return createBatch(scope, cycleId, layoutId, fileDate, WorkProgress.NONE);
	}

	/** The same, reporting the lines checked and written as it goes. */
	@Transactional
	public BankBatchView createBatch(Scope scope, long cycleId, long layoutId, LocalDate fileDate, WorkProgress progress) {
		CycleView c = checkBatch(scope, cycleId);
		cycles.lock(cycleId, true);
		BankPayer payer = store.payer(scope.organisationId())
			.orElseThrow(() -> BangfuException.badField("payer", "programs.payout.payer.required"));
		List<PayoutStore.PayLine> lines = new ArrayList<>();
		store.linesToSend(cycleId, lines::add);
		if (lines.isEmpty()) {
			throw new BangfuException(Problem.CONFLICT, "programs.payout.nothingToSend", c.label());
		}
		Set<Long> heads = new HashSet<>();
		Set<Long> members = new HashSet<>();
		for (PayoutStore.PayLine l : lines) {
			if (l.toHead()) {
				heads.add(l.householdId());
			}
			else {
				members.add(l.memberId());
			}
		}
		Actor actor = Actor.require();
		HouseholdRegistry.PayeeIdNumbers ids = registry.idNumbersForPayment(scope, actor.roles(), heads, members,
				"cycle:" + cycleId);
		String purpose = PayoutPolicy.purpose(c.programName());
		List<PaymentOrder> orders = new ArrayList<>(lines.size());
		for (PayoutStore.PayLine l : lines) {
			String id = l.toHead() ? ids.byHousehold().get(l.householdId()) : ids.byMember().get(l.memberId());
			orders.add(new PaymentOrder(l.id(), l.nameForBank(), cipher.decrypt(l.accountEnc()), PaymentIdType.RESIDENT_ID, id,
					l.amountFen(), purpose, null));
		}
		long total = orders.size();
		long[] done = { 0 };
		progress.report(0, total);
		BankBatchView batch = bank.issue(scope, new BankBatchRequest(payer, layoutId, purpose, fileDate),
				orders.stream().peek(o -> {
					if (++done[0] % PROGRESS_EVERY == 0) {
						progress.report(done[0], total);
					}
				}));
		progress.report(total, total);
		audit.record("roster.bankBatch", "cycle", cycleId, Map.of("batchNo", batch.batchNo(), "lines", batch.lineCount()));
		return batch;
	}

	/** Refuses (as {@link #reissueFailed} would) a cycle with no failed line; how many lines failed. */
	public long checkReissue(Scope scope, long cycleId) {
		CycleView c = rosters.cycle(scope, cycleId);
		long failed = store.countFailed(cycleId);
		if (failed == 0) {
			throw new BangfuException(Problem.CONFLICT, "programs.payout.nothingFailed", c.label());
		}
		return failed;
	}

	/**
	 * Re-issues the cycle's failed lines to the account now on record (for a post subsidy the post's
	 * salary account in the post register; else the household's account for the head, the person's
	 * own account for a member), one follow-up batch per failed batch.
	 */
	@Transactional
	public List<BankBatchView> reissueFailed(Scope scope, long cycleId, LocalDate fileDate) {
		return reissueFailed(scope, cycleId, fileDate, WorkProgress.NONE);
	}

	/** The same, reporting the lines re-issued batch by batch. */
	@Transactional
	public List<BankBatchView> reissueFailed(Scope scope, long cycleId, LocalDate fileDate, WorkProgress progress) {
		CycleView c = rosters.cycle(scope, cycleId);
		cycles.lock(cycleId, true);
		List<PayoutStore.FailedLine> failed = store.failedLines(cycleId);
		if (failed.isEmpty()) {
			throw new BangfuException(Problem.CONFLICT, "programs.payout.nothingFailed", c.label());
		}
		Map<Long, List<PaymentCorrection>> byBatch = new LinkedHashMap<>();
		for (PayoutStore.FailedLine f : failed) {
			if (f.accountEnc() == null) {
				throw BangfuException.badField("account", "programs.payout.account.missing", f.id());
			}
			store.account(f.id(), f);
			byBatch.computeIfAbsent(f.batchId(), b -> new ArrayList<>())
				.add(PaymentCorrection.account(f.id(), cipher.decrypt(f.accountEnc())));
		}
		List<BankBatchView> out = new ArrayList<>();
		long[] done = { 0 };
		progress.report(0, failed.size());
		byBatch.forEach((batchId, corrections) -> {
			out.add(bank.reissue(scope, batchId, fileDate, corrections));
			done[0] += corrections.size();
			progress.report(done[0], failed.size());
		});
		audit.record("roster.bankReissue", "cycle", cycleId, Map.of("lines", failed.size(), "batches", out.size()));
		return out;
	}

	/** Refused (not found) unless the member belongs to a household of the caller's scope. */
	public void requireMember(Scope scope, long householdId, long memberId) {
		if (!store.memberInScope(householdId, memberId, scope.likePattern())) {
			throw BangfuException.notFound("registry.member.notFound", memberId);
		}
	}

	/** Records a person's own account (一卡通: bank card or 社保卡) for per-person money, encrypted like the others. */
	@Transactional
	public void saveMemberAccount(Scope scope, long householdId, long memberId, String bankName, String account) {
		requireMember(scope, householdId, memberId);
		String name = PayoutPolicy.name("bankName", bankName);
		String a = PayoutPolicy.account(account);
		store.memberAccount(memberId, name, PayoutPolicy.masked(a), cipher.hash(a), cipher.encrypt(a), Actor.require().login());
		audit.record("member.account.save", "household", householdId,
				Map.of("memberId", memberId, "account", PayoutPolicy.masked(a)));
	}

	/** The bank payment batches the cycle's lines went out in, oldest first. */
	public List<Long> batchIds(Scope scope, long cycleId) {
		rosters.cycle(scope, cycleId);
		return store.batchIds(cycleId);
	}

	/**
	 * The roster lines of a bank payment batch with the amount sent (system use for the funds
	 * ledger, which books a paid line as spent and a failed one as released: no scope, not audited,
	 * no personal data).
	 */
	public List<BatchLineAmount> batchLineAmounts(long batchId) {
		return store.batchLineAmounts(batchId);
	}

}
