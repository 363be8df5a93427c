package org.bangfu.programs;

import java.util.EnumSet;
import java.util.Set;

/**
 * A column a bank layout may place in a line. {@code RECORD_TYPE} writes {@code H} on summary
 * lines and {@code D} on detail lines; {@code BLANK} is an empty field some banks want.
 */
public enum BankColumn {

	RECORD_TYPE(Line.values()), BLANK(Line.values()),
	PAYER_NAME(Line.SUMMARY), PAYER_ACCOUNT(Line.SUMMARY), FILE_DATE(Line.SUMMARY),
	BATCH_NO(Line.SUMMARY, Line.RETURN_SUMMARY), TOTAL_COUNT(Line.SUMMARY, Line.RETURN_SUMMARY),
	TOTAL_AMOUNT(Line.SUMMARY, Line.RETURN_SUMMARY),
	SUCCESS_COUNT(Line.RETURN_SUMMARY), SUCCESS_AMOUNT(Line.RETURN_SUMMARY), FAILURE_COUNT(Line.RETURN_SUMMARY),
	FAILURE_AMOUNT(Line.RETURN_SUMMARY),
	SEQ(Line.DETAIL, Line.RETURN_DETAIL), PAYEE_NAME(Line.DETAIL, Line.RETURN_DETAIL),
	ACCOUNT(Line.DETAIL, Line.RETURN_DETAIL), AMOUNT(Line.DETAIL, Line.RETURN_DETAIL), ID_TYPE(Line.DETAIL),
	ID_NUMBER(Line.DETAIL), PURPOSE(Line.DETAIL), REMARK(Line.DETAIL),
	RESULT(Line.RETURN_DETAIL), REASON(Line.RETURN_DETAIL);

	/** The four kinds of line a layout describes, each with the columns it cannot do without. */
	public enum Line {

		SUMMARY, DETAIL, RETURN_SUMMARY, RETURN_DETAIL;

		public Set<BankColumn> required() {
			return switch (this) {
				case SUMMARY -> EnumSet.of(BATCH_NO, TOTAL_COUNT, TOTAL_AMOUNT);
				case DETAIL -> EnumSet.of(SEQ, PAYEE_NAME, ACCOUNT, AMOUNT);
				case RETURN_SUMMARY -> EnumSet.of(BATCH_NO, TOTAL_COUNT, TOTAL_AMOUNT);
				case RETURN_DETAIL -> EnumSet.of(SEQ, PAYEE_NAME, ACCOUNT, AMOUNT, RESULT);
			};
		}

	}

	private final Set<Line> lines;

	BankColumn(Line first, Line... rest) {
		this.lines = EnumSet.of(first, rest);
	}

	BankColumn(Line[] all) {
		this.lines = EnumSet.of(all[0], all);
	}

	public boolean allowedIn(Line line) {
		return lines.contains(line);
	}

	public String messageKey() {
		return "bank.column." + name();
	}

}
