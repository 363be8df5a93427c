package org.bangfu.funds;

/** Public fund use of a month: per organisation and program, the payments made (count) and their sum in fen; no personal data. */
public record DisclosureRow(String organisation, String programCode, String programName, String period, long payments,
		long fen) {

	public String amount() {
		return Yuan.of(fen);
	}

}
