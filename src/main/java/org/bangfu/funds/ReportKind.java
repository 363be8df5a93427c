package org.bangfu.funds;

import java.time.LocalDate;

/**
 * The three books of a year: 建帐 (opening: the previous year's movements and the balances carried
 * into the year), 对账 (mid-year reconciliation: January to June), 查帐 (year-end audit: the whole year).
 */
public enum ReportKind {

	OPENING, MIDYEAR, YEAREND;

	public LocalDate from(int year) {
		return this == OPENING ? LocalDate.of(year - 1, 1, 1) : LocalDate.of(year, 1, 1);
	}

	public LocalDate to(int year) {
		return switch (this) {
			case OPENING -> LocalDate.of(year - 1, 12, 31);
			case MIDYEAR -> LocalDate.of(year, 6, 30);
			case YEAREND -> LocalDate.of(year, 12, 31);
		};
	}

	public String messageKey() {
		return "funds.report." + name();
	}

}
