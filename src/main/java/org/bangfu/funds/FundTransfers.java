package org.bangfu.funds;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.bangfu.audit.AuditLog;
import org.bangfu.funds.internal.Bookings;
import org.bangfu.funds.internal.FundRow;
import org.bangfu.funds.internal.FundStore;
import org.bangfu.funds.internal.LedgerPolicy;
import org.bangfu.funds.internal.LedgerStore;
import org.bangfu.funds.internal.TransferPolicy;
import org.bangfu.funds.internal.TransferStore;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Transfers of free money between funds, four eyes: proposed by one user, approved (and posted)
 * or rejected by another. Allowed from a fund whose rules allow transfers, or down the
 * organisation tree to a fund of the same source (an allocation). Restricted donations never move.
 */
@Service
public class FundTransfers {

	private final TransferStore store;

	private final Funds funds;

	private final FundStore fundStore;

	private final LedgerStore ledger;

	private final Bookings bookings;

	private final AuditLog audit;

	private final BusinessClock clock;

	FundTransfers(TransferStore store, Funds funds, FundStore fundStore, LedgerStore ledger, Bookings bookings,
			AuditLog audit, BusinessClock clock) {
		this.store = store;
		this.funds = funds;
		this.fundStore = fundStore;
		this.ledger = ledger;
		this.bookings = bookings;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public TransferView propose(Scope scope, long fromFundId, long toFundId, BigDecimal amount, String reason) {
		FundRow from = funds.row(scope, fromFundId);
		FundRow to = funds.row(scope, toFundId);
		TransferPolicy.allowed(from, to);
		long fen = LedgerPolicy.fen("amount", amount);
		if (reason == null || reason.isBlank() || reason.strip().length() > 200) {
			throw BangfuException.badField("reason", "funds.transfer.reason");
		}
		Actor actor = Actor.require();
		long id = store.insert(from.id(), to.id(), fen, reason.strip(), actor.userId(), actor.login());
		audit.record("transfer.propose", "fundTransfer", id, Map.of("from", from.code(), "to", to.code(), "fen", fen));
		return find(scope, id);
	}

	/** Approves and posts a proposed transfer (not by its proposer); refused when the free money no longer covers it. */
	@Transactional
	public TransferView approve(Scope scope, long id) {
		TransferStore.Locked t = decidable(scope, id);
		FundRow from = funds.row(scope, t.view().fromFundId());
		FundRow to = funds.row(scope, t.view().toFundId());
		fundStore.lock(from.id(), to.id());
		long free = ledger.available(from.id(), null);
		if (free < t.view().amountFen()) {
			throw new BangfuException(Problem.CONFLICT, "funds.overspend.fund", from.name(), LedgerPolicy.yuan(t.view().amountFen()),
					LedgerPolicy.yuan(Math.max(0, free)));
		}
		Actor actor = Actor.require();
		long posting = bookings.transfer(from, to, t.view().amountFen(), "TRANSFER", clock.today(), t.view().reason(),
				actor.login());
		store.decide(id, "APPROVED", actor.userId(), actor.login(), posting);
		audit.record("transfer.approve", "fundTransfer", id, Map.of("posting", posting));
		return find(scope, id);
	}

	@Transactional
	public TransferView reject(Scope scope, long id) {
		decidable(scope, id);
		Actor actor = Actor.require();
		store.decide(id, "REJECTED", actor.userId(), actor.login(), null);
		audit.record("transfer.reject", "fundTransfer", id, Map.of());
		return find(scope, id);
	}

	public List<TransferView> list(Scope scope) {
		return store.list(scope, 200);
	}

	public TransferView find(Scope scope, long id) {
		return store.list(scope, 10_000).stream().filter(t -> t.id() == id).findFirst()
			.orElseThrow(() -> BangfuException.notFound("funds.transfer.notFound", id));
	}

	private TransferStore.Locked decidable(Scope scope, long id) {
		TransferStore.Locked t = store.lock(scope, id)
			.orElseThrow(() -> BangfuException.notFound("funds.transfer.notFound", id));
		if (!"PROPOSED".equals(t.view().status())) {
			throw new BangfuException(Problem.CONFLICT, "funds.transfer.decided");
		}
		if (t.proposedBy() == Actor.require().userId()) {
			throw new BangfuException(Problem.CONFLICT, "funds.transfer.fourEyes");
		}
		return t;
	}

}
