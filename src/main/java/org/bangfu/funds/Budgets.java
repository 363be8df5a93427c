package org.bangfu.funds;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.bangfu.audit.AuditLog;
import org.bangfu.funds.internal.BudgetStore;
import org.bangfu.funds.internal.FundRow;
import org.bangfu.funds.internal.LedgerPolicy;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Budgets per year and fund, for one program or for all the fund's use: a roster committing
 * money of the fund in that year is refused when it would take a binding budget past its amount.
 * Without a budget only the fund's money limits the commitments.
 */
@Service
public class Budgets {

	private final BudgetStore store;

	private final Funds funds;

	private final AuditLog audit;

	Budgets(BudgetStore store, Funds funds, AuditLog audit) {
		this.store = store;
		this.funds = funds;
		this.audit = audit;
	}

	/** Sets (or changes) the budget of a year, a fund of the caller's subtree and a program (blank: the fund's whole use). */
	@Transactional
	public BudgetView set(org.bangfu.shared.Scope scope, int year, long fundId, String programCode, BigDecimal amount) {
		if (year < 2000 || year > 2100) {
			throw BangfuException.badField("year", "funds.budget.year");
		}
		FundRow f = funds.row(scope, fundId);
		long fen = amount != null && amount.signum() == 0 ? 0 : LedgerPolicy.fen("amount", amount);
		String program = programCode == null || programCode.isBlank() ? null : programCode.strip();
		if (program != null && program.length() > 40) {
			throw BangfuException.badField("programCode", "funds.program.invalid");
		}
		long id = store.set(year, f.id(), program, fen, Actor.require().login());
		audit.record("budget.set", "budget", id, Map.of("year", year, "fund", f.code(), "program",
				program == null ? "" : program, "fen", fen));
		return store.list(scope, year).stream().filter(b -> b.id() == id).findFirst().orElseThrow();
	}

	public List<BudgetView> list(org.bangfu.shared.Scope scope, int year) {
		return store.list(scope, year);
	}

}
