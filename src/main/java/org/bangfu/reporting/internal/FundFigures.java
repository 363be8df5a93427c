package org.bangfu.reporting.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bangfu.funds.Balance;
import org.bangfu.funds.BudgetView;
import org.bangfu.funds.Budgets;
import org.bangfu.funds.Ledger;
import org.bangfu.reporting.FigureSource;
import org.bangfu.reporting.ReportPeriod;
import org.bangfu.shared.Scope;
import org.springframework.stereotype.Component;

/**
 * Money of a subtree in fen, through the funds module: budgeted for the period's year, committed (the balance
 * still committed at the period's end) and paid (spent during the period: the spent balance at its end less the
 * one the day before it began).
 */
@Component
class FundFigures implements FigureSource {

	private final Budgets budgets;

	private final Ledger ledger;

	FundFigures(Budgets budgets, Ledger ledger) {
		this.budgets = budgets;
		this.ledger = ledger;
	}

	@Override
	public List<String> codes() {
		return List.of("funds.budgeted", "funds.committed", "funds.paid");
	}

	@Override
	public Map<String, Long> compute(Scope scope, ReportPeriod period, List<String> wanted) {
		Map<String, Long> out = new LinkedHashMap<>();
		out.put("funds.budgeted", budgets.list(scope, period.year()).stream().mapToLong(BudgetView::amountFen).sum());
		List<Balance> end = ledger.balances(scope, "fund", period.to());
		List<Balance> before = ledger.balances(scope, "fund", period.from().minusDays(1));
		out.put("funds.committed", end.stream().mapToLong(Balance::committedFen).sum());
		out.put("funds.paid", end.stream().mapToLong(Balance::spentFen).sum() - before.stream().mapToLong(Balance::spentFen).sum());
		return out;
	}

	@Override
	public Optional<String> drillDown(String code, ReportPeriod period) {
		return Optional.of(code.equals("funds.budgeted") ? "/funds/budgets?year=" + period.year() : "/funds");
	}

}
