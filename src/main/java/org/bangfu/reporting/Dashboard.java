package org.bangfu.reporting;

import java.util.List;

/**
 * An organisation's dashboard for its subtree: households by status, category, cause and region (filed ones);
 * coverage figures; current identification decisions; cases in review by step; money by program. Every
 * number carries the link to the list behind it.
 */
public record Dashboard(long organisationId, String organisationName, int year, String region, List<Bar> byStatus,
		List<Bar> byCategory, List<Bar> byCause, List<Bar> byRegion, List<FigureValue> coverage, List<Bar> decisions,
		List<Bar> pendingBySteps, long overdueCases, List<ProgramMoney> funds) {

	/** One bar of a chart and one row of its table: a label, a count and the list behind it. */
	public record Bar(String key, String label, long value, String href) {
	}

	/** Money of one program in fen for the year: budgeted, still committed at the year's end (or today), paid in the year. */
	public record ProgramMoney(String program, long budgetedFen, long committedFen, long paidFen, String href) {

		public String budgeted() {
			return FigureValue.format("funds.", budgetedFen);
		}

		public String committed() {
			return FigureValue.format("funds.", committedFen);
		}

		public String paid() {
			return FigureValue.format("funds.", paidFen);
		}

	}

	public long total(List<Bar> bars) {
		return bars.stream().mapToLong(Bar::value).sum();
	}

}
