package org.bangfu.funds;

/** A budget of a year and a fund, for a program or (programCode null) for all the fund's use, and what is used of it. */
public record BudgetView(long id, int year, long fundId, String fundName, String programCode, long amountFen, long usedFen) {

	public long leftFen() {
		return amountFen - usedFen;
	}

	public String amount() {
		return Yuan.of(amountFen);
	}

	public String used() {
		return Yuan.of(usedFen);
	}

	public String left() {
		return Yuan.of(leftFen());
	}

}
