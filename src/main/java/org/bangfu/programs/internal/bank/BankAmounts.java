package org.bangfu.programs.internal.bank;

import java.math.BigDecimal;

import org.bangfu.programs.BankLayout.AmountUnit;

/** Amounts as a bank file writes them: yuan with two decimals (1234.50) or fen (123450); exact, never a double. */
public final class BankAmounts {

	private BankAmounts() {
	}

	public static String format(long fen, AmountUnit unit) {
		return unit == AmountUnit.FEN ? Long.toString(fen) : BigDecimal.valueOf(fen, 2).toPlainString();
	}

	/**
	 * Reads an amount in the unit (yuan: at most two decimals, 200 or 200.5 accepted; fen: digits);
	 * null when the text is not an amount.
	 */
	public static Long parse(String text, AmountUnit unit) {
		String t = text == null ? "" : text.strip();
		if (unit == AmountUnit.FEN) {
			return t.matches("-?\\d{1,18}") ? Long.valueOf(t) : null;
		}
		if (!t.matches("-?\\d{1,16}(\\.\\d{1,2})?")) {
			return null;
		}
		return new BigDecimal(t).movePointRight(2).longValueExact();
	}

}
