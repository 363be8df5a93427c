package org.bangfu.shared;

/**
 * Text written into spreadsheets (CSV, .xlsx) is neutralised against formula injection: a
 * value starting with {@code = + - @}, a tab or a carriage return gets a leading apostrophe,
 * so Excel and WPS show it as text instead of running it. {@link #restore} undoes exactly
 * that on the way back in (an import of an export gets the original value).
 */
public final class SpreadsheetText {

	private SpreadsheetText() {
	}

	/** The value, with a leading apostrophe if a spreadsheet would read it as a formula. */
	public static String neutralise(String value) {
		return risky(value, 0) ? "'" + value : value;
	}

	/** Removes the apostrophe {@link #neutralise} added; other values are returned unchanged. */
	public static String restore(String value) {
		return value != null && value.length() > 1 && value.charAt(0) == '\'' && risky(value, 1) ? value.substring(1)
				: value;
	}

	private static boolean risky(String value, int at) {
		if (value == null || value.length() <= at) {
			return false;
		}
		char c = value.charAt(at);
		return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
	}

}
