package org.bangfu.synthetic;

/** GB 11643 citizen ID numbers: 6-digit region, YYYYMMDD, 3-digit sequence (odd = male), MOD 11-2 check char. */
final class IdNumbers {

	static final String CHECK_CHARS = "10X98765432";

	private IdNumbers() {
	}

	/** The check character for the first 17 digits in {@code id}. */
	static char checkChar(char[] id) {
		return org.bangfu.shared.IdNumber.checkChar(java.nio.CharBuffer.wrap(id, 0, 17));
	}

	/** Writes region, date and sequence into {@code id} (length 18) and sets the check char. */
	static void fill(char[] id, String county, int yyyymmdd, int sequence) {
		for (int i = 0; i < 6; i++) {
			id[i] = county.charAt(i);
		}
		for (int i = 13; i >= 6; i--) {
			id[i] = (char) ('0' + yyyymmdd % 10);
			yyyymmdd /= 10;
		}
		id[14] = (char) ('0' + sequence / 100);
		id[15] = (char) ('0' + sequence / 10 % 10);
		id[16] = (char) ('0' + sequence % 10);
		id[17] = checkChar(id);
	}

	/** The first 17 digits as a number: a compact key for uniqueness. */
	static long key(char[] id) {
		long k = 0;
		for (int i = 0; i < 17; i++) {
			k = k * 10 + (id[i] - '0');
		}
		return k;
	}

}
