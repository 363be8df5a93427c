package org.bangfu.funds;

import java.math.BigDecimal;

/** Fen shown as yuan with thousands separators and two decimals (for pages and reports). */
public final class Yuan {

	private Yuan() {
	}

	public static String of(long fen) {
		return String.format("%,.2f", BigDecimal.valueOf(fen, 2));
	}

}
