package org.bangfu.programs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bangfu.audit.AuditLog;
import org.bangfu.programs.internal.CycleStore;
import org.bangfu.programs.internal.bank.BankCipher;
import org.bangfu.programs.internal.payout.CorrectionStore;
import org.bangfu.programs.internal.payout.PayoutPolicy;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk correction of failed bank lines: after a bank return with failures (wrong account, wrong
 * name), the finance officer corrects many lines at once (the new account, optionally the name on
 * it) and they go out again in follow-up batches, one per failed batch, through the bank files'
 * checks. All or nothing: one bad account refuses the whole correction and changes nothing.
 * Accounts are shown masked; the view and the correction are audited.
 */
@Service
public class AccountCorrections {

	private final Rosters rosters;

	private final CycleStore cycles;

	private final CorrectionStore store;

	private final BankFiles bank;

	private final BankCipher cipher;

	private final AuditLog audit;

	AccountCorrections(Rosters rosters, CycleStore cycles, CorrectionStore store, BankFiles bank, BankCipher cipher,
			AuditLog audit) {
		this.rosters = rosters;
		this.cycles = cycles;
		this.store = store;
		this.bank = bank;
		this.cipher = cipher;
		this.audit = audit;
	}

	/** The cycle's failed lines (accounts and ID numbers masked); the view is audited. */
	public List<FailedLineView> failed(Scope scope, long cycleId) {
		rosters.cycle(scope, cycleId);
		List<FailedLineView> lines = store.failed(cycleId);
		audit.record("roster.corrections.view", "cycle", cycleId, Map.of("lines", lines.size()));
		return lines;
	}

	/**
	 * Corrects the given failed lines (blank accounts are skipped) and re-issues them; refused
	 * as a whole when a line is not a failed line of the cycle or an account or name is invalid.
	 */
	@Transactional
	public List<BankBatchView> correct(Scope scope, long cycleId, List<AccountCorrection> corrections, LocalDate fileDate) {
		CycleView c = rosters.cycle(scope, cycleId);
		cycles.lock(cycleId, true);
		List<AccountCorrection> given = corrections == null ? List.of()
				: corrections.stream().filter(x -> x.account() != null && !x.account().isBlank()).toList();
		if (given.isEmpty()) {
			throw BangfuException.badField("corrections", "programs.correction.none");
		}
		Map<Long, FailedLineView> failed = store.failed(cycleId).stream()
			.collect(Collectors.toMap(FailedLineView::lineId, Function.identity()));
		Map<Long, List<PaymentCorrection>> byBatch = new LinkedHashMap<>();
		List<String> masked = new ArrayList<>();
		for (AccountCorrection x : given) {
			FailedLineView line = failed.get(x.lineId());
			if (line == null) {
				throw new BangfuException(Problem.CONFLICT, "programs.correction.notFailed", x.lineId(), c.label());
			}
			String account;
			String name = null;
			try {
				account = PayoutPolicy.account(x.account());
				if (x.accountName() != null && !x.accountName().isBlank()) {
					name = PayoutPolicy.name("accountName", x.accountName());
				}
			}
			catch (BangfuException ex) {
				throw BangfuException.badField("account-" + x.lineId(), "programs.correction.invalid", line.payeeName(),
						ex.messageKey().endsWith("account.invalid") ? x.account() : x.accountName());
			}
			String m = PayoutPolicy.masked(account);
			store.account(line.lineId(), m, cipher.hash(account), cipher.encrypt(account));
			masked.add(m);
			byBatch.computeIfAbsent(line.batchId(), b -> new ArrayList<>())
				.add(new PaymentCorrection(line.lineId(), account, name, null, null));
		}
		List<BankBatchView> out = new ArrayList<>();
		byBatch.forEach((batchId, list) -> out.add(bank.reissue(scope, batchId, fileDate, list)));
		audit.record("roster.accountCorrection", "cycle", cycleId,
				Map.of("lines", given.size(), "batches", out.size(), "accounts", masked));
		return out;
	}

}
