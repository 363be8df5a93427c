package org.bangfu.programs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.bangfu.shared.Money;

/**
 * The public notice (公示) of a roster as the public sees it: title, organisation, period, lines
 * and total, and its rows (row number, masked name, village, amount). Running while the period lasts.
 */
public record RosterNoticeView(long id, long cycleId, String title, String organisationName, LocalDate startsOn,
		LocalDate endsOn, int periodDays, boolean workingDays, int lineCount, long totalFen, boolean running, List<Row> rows) {

	public String totalText() {
		return Money.of(BigDecimal.valueOf(totalFen, 2)).format();
	}

	/** A row: number, masked name (张*丰), village, amount in fen. */
	public record Row(int rowNo, String name, String village, long amountFen) {

		public String amountText() {
			return Money.of(BigDecimal.valueOf(amountFen, 2)).format();
		}

	}

}
