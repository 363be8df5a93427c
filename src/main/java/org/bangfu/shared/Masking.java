package org.bangfu.shared;

/** How personal numbers are shown to people who need not see them whole. */
public final class Masking {

	private Masking() {
	}

	/** 13812345678 → 138****5678; a landline 010-12345678 → 010-****5678; short values: all but last 2 hidden. */
	public static String phone(String phone) {
		if (phone == null || phone.isBlank()) {
			return phone;
		}
		String p = phone.strip();
		int dash = p.indexOf('-');
		if (dash > 0) {
			String rest = p.substring(dash + 1);
			return p.substring(0, dash + 1) + "*".repeat(Math.max(0, rest.length() - 4))
					+ rest.substring(Math.max(0, rest.length() - 4));
		}
		if (p.length() >= 7) {
			return p.substring(0, 3) + "*".repeat(p.length() - 7) + p.substring(p.length() - 4);
		}
		return "*".repeat(Math.max(0, p.length() - 2)) + p.substring(Math.max(0, p.length() - 2));
	}

	/** A bank account: only the last 4 digits shown, e.g. ************1234. */
	public static String account(String account) {
		if (account == null || account.isBlank()) {
			return account;
		}
		String a = account.replace(" ", "");
		return "*".repeat(Math.max(0, a.length() - 4)) + a.substring(Math.max(0, a.length() - 4));
	}

}
