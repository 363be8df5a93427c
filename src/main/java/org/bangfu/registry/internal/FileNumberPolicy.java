package org.bangfu.registry.internal;

/**
 * How a suggested file number (户编号) reads: the organisation's code, a dash and the
 * organisation's sequence number with at least five digits (JA-DZ-UNION-00042), at most
 * 40 characters as the register allows.
 */
public final class FileNumberPolicy {

	public static final int MAX_LENGTH = 40;

	private FileNumberPolicy() {
	}

	public static String format(String organisationCode, long number) {
		String digits = String.format("%05d", number);
		String prefix = organisationCode == null ? "" : organisationCode.strip();
		int room = MAX_LENGTH - digits.length() - 1;
		if (prefix.length() > room) {
			prefix = prefix.substring(0, Math.max(0, room));
		}
		return prefix.isEmpty() ? digits : prefix + "-" + digits;
	}

}
