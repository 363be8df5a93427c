package org.bangfu.reporting;

import java.math.BigDecimal;
import java.text.DecimalFormat;

/** One figure of a report or dashboard: its code, the computed value, the value reported and why it differs. */
public record FigureValue(String code, long computed, long value, String reason, String drillDown) {

	public boolean money() {
		return code.startsWith("funds.");
	}

	public boolean edited() {
		return value != computed;
	}

	/** The value as shown: yuan with two decimals and separators for money, the count otherwise. */
	public String shown() {
		return format(code, value);
	}

	public String computedShown() {
		return format(code, computed);
	}

	public static String format(String code, long value) {
		if (code.startsWith("funds.")) {
			return "¥" + new DecimalFormat("#,##0.00").format(BigDecimal.valueOf(value, 2));
		}
		return new DecimalFormat("#,##0").format(value);
	}

}
