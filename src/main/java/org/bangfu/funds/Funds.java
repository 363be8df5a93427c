package org.bangfu.funds;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.bangfu.audit.AuditLog;
import org.bangfu.funds.internal.Bookings;
import org.bangfu.funds.internal.FundRow;
import org.bangfu.funds.internal.FundStore;
import org.bangfu.funds.internal.LedgerPolicy;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Funds by source per organisation (district finance, union funds, donations, a disaster reserve,
 * a revolving fund topped up from another as it is spent), with their balances at a date, and
 * money received into them (an appropriation, the yearly 募捐 of a union fund). Funds are seen
 * within the caller's organisation subtree; a roster draws on the fund with its program's fund
 * code of the cycle's organisation or its nearest ancestor.
 */
@Service
public class Funds {

	private final FundStore store;

	private final Bookings bookings;

	private final AuditLog audit;

	private final BusinessClock clock;

	Funds(FundStore store, Bookings bookings, AuditLog audit, BusinessClock clock) {
		this.store = store;
		this.bookings = bookings;
		this.audit = audit;
		this.clock = clock;
	}

	/** Opens a fund in the caller's organisation; a second fund with the same code there is refused. */
	@Transactional
	public FundView open(Scope scope, NewFund f) {
		if (f.code() == null || !f.code().strip().matches("[A-Za-z0-9._-]{1,40}")) {
			throw BangfuException.badField("code", "funds.fund.code.invalid");
		}
		if (f.name() == null || f.name().isBlank() || f.name().strip().length() > 100) {
			throw BangfuException.badField("name", "funds.fund.name.required");
		}
		if (f.source() == null) {
			throw BangfuException.badField("source", "funds.fund.source.required");
		}
		if (f.topUpFrom() != null) {
			fund(scope, f.topUpFrom());
		}
		long id = store.insert(scope.organisationId(), f, Actor.require().login())
			.orElseThrow(() -> BangfuException.badField("code", "funds.fund.code.taken", f.code().strip()));
		audit.record("fund.open", "fund", id, Map.of("code", f.code().strip(), "source", f.source().name()));
		return fund(scope, id);
	}

	/** The funds of the caller's subtree with their balances today. */
	public List<FundView> list(Scope scope) {
		return list(scope, clock.today());
	}

	/** The funds of the caller's subtree with their balances at the end of a date. */
	public List<FundView> list(Scope scope, LocalDate at) {
		return store.list(scope, at);
	}

	public FundView fund(Scope scope, long id) {
		return fund(scope, id, clock.today());
	}

	public FundView fund(Scope scope, long id, LocalDate at) {
		return store.view(scope, id, at).orElseThrow(() -> BangfuException.notFound("funds.fund.notFound", id));
	}

	/**
	 * Records money received into a fund (an appropriation, a union fund's 募捐, a reserve's top-up):
	 * it becomes available, for any program of the fund. Returns the posting id.
	 */
	@Transactional
	public long receive(Scope scope, long fundId, BigDecimal amount, LocalDate on, String memo) {
		FundRow f = row(scope, fundId);
		long fen = LedgerPolicy.fen("amount", amount);
		String note = memo == null ? "" : memo.strip();
		if (note.length() > 200) {
			throw BangfuException.badField("memo", "funds.memo.tooLong");
		}
		long posting = bookings.receive(f, "RECEIPT", fen, false, null, on == null ? clock.today() : on, note,
				Actor.require().login());
		audit.record("fund.receive", "fund", fundId, Map.of("fen", fen, "posting", posting));
		return posting;
	}

	FundRow row(Scope scope, long fundId) {
		return store.find(scope, fundId).orElseThrow(() -> BangfuException.notFound("funds.fund.notFound", fundId));
	}

}
