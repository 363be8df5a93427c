package org.bangfu.funds;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bangfu.audit.AuditLog;
import org.bangfu.funds.internal.FundRow;
import org.bangfu.funds.internal.FundStore;
import org.bangfu.funds.internal.LedgerPolicy;
import org.bangfu.funds.internal.LedgerStore;
import org.bangfu.funds.internal.Posting;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The double-entry ledger (in fen, append-only): a fund's entries page by page, balances by fund,
 * program or organisation at any date, and corrections: a posting of money received or
 * transferred is reversed by a new posting of the opposite amounts (never edited), after which
 * the right amount is posted again.
 */
@Service
public class Ledger {

	private static final Set<String> REVERSIBLE = Set.of("RECEIPT", "DONATION", "TRANSFER");

	private final LedgerStore store;

	private final FundStore funds;

	private final AuditLog audit;

	private final BusinessClock clock;

	Ledger(LedgerStore store, FundStore funds, AuditLog audit, BusinessClock clock) {
		this.store = store;
		this.funds = funds;
		this.audit = audit;
		this.clock = clock;
	}

	/** A page of the fund's entries, newest first. */
	public List<LedgerEntryView> entries(Scope scope, long fundId, int offset, int limit) {
		requireFund(scope, fundId);
		return store.entries(fundId, Math.max(0, offset), Math.min(Math.max(1, limit), 500));
	}

	public long countEntries(Scope scope, long fundId) {
		requireFund(scope, fundId);
		return store.countEntries(fundId);
	}

	/** Balances of the caller's subtree at the end of a date, by fund, program or organisation. */
	public List<Balance> balances(Scope scope, String groupBy, LocalDate at) {
		String by = groupBy == null ? "fund" : groupBy;
		if (!Set.of("fund", "program", "organisation").contains(by)) {
			throw BangfuException.badField("by", "funds.balance.groupBy");
		}
		return store.balances(scope, by, at == null ? clock.today() : at);
	}

	/** The sum of every entry in the caller's subtree: zero when every posting balances. */
	public long total(Scope scope) {
		return store.total(scope);
	}

	/**
	 * Reverses a posting of money received or transferred (a correction): refused for postings of
	 * rosters (they follow the bank), twice, or when the money is no longer there to take back.
	 */
	@Transactional
	public long reverse(Scope scope, long postingId, String reason) {
		if (reason == null || reason.isBlank() || reason.strip().length() > 200) {
			throw BangfuException.badField("reason", "funds.reverse.reason");
		}
		LedgerStore.PostingRow p = store.posting(postingId)
			.orElseThrow(() -> BangfuException.notFound("funds.posting.notFound", postingId));
		var entries = store.postingEntries(postingId);
		long[] fundIds = entries.stream().mapToLong(e -> e.fundId()).distinct().toArray();
		for (long f : fundIds) {
			requireFund(scope, f);
		}
		if (!REVERSIBLE.contains(p.kind())) {
			throw new BangfuException(Problem.CONFLICT, "funds.reverse.notReversible");
		}
		if (p.reversed()) {
			throw new BangfuException(Problem.CONFLICT, "funds.reverse.twice");
		}
		funds.lock(fundIds);
		var reversal = LedgerPolicy.reversed(entries);
		for (var e : reversal) {
			if ("AVAILABLE".equals(e.account()) && e.amountFen() < 0
					&& store.available(e.fundId(), e.purpose()) + e.amountFen() < 0) {
				throw new BangfuException(Problem.CONFLICT, "funds.reverse.spent", LedgerPolicy.yuan(-e.amountFen()));
			}
		}
		long id = store.post(new Posting("REVERSAL", clock.today(), p.organisationId(), null, postingId, reason.strip(),
				reversal), Actor.require().login());
		audit.record("ledger.reverse", "posting", postingId, Map.of("reversal", id, "reason", reason.strip()));
		return id;
	}

	private FundRow requireFund(Scope scope, long fundId) {
		return funds.find(scope, fundId).orElseThrow(() -> BangfuException.notFound("funds.fund.notFound", fundId));
	}

}
