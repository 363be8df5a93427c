package org.bangfu.programs.internal.payout;

import org.bangfu.shared.BangfuException;

/** What a payer and an account must look like: a name of at most 100 characters, an account of 8 to 32 digits. */
public final class PayoutPolicy {

	private PayoutPolicy() {
	}

	public static String name(String field, String name) {
		if (name == null || name.isBlank()) {
			throw BangfuException.badField(field, "programs.payout.name.required");
		}
		if (name.strip().length() > 100) {
			throw BangfuException.badField(field, "programs.payout.name.tooLong");
		}
		return name.strip();
	}

	public static String account(String account) {
		String a = account == null ? "" : account.replace(" ", "").strip();
		if (!a.matches("\\d{8,32}")) {
			throw BangfuException.badField("account", "programs.payout.account.invalid");
		}
		return a;
	}

	/** 6222********3445. */
	public static String masked(String account) {
		return account.substring(0, 4) + "*".repeat(account.length() - 8) + account.substring(account.length() - 4);
	}

	/** The batch's purpose: the program's name cut to 30 characters. */
	public static String purpose(String programName) {
		return programName.codePointCount(0, programName.length()) <= 30 ? programName
				: programName.substring(0, programName.offsetByCodePoints(0, 30));
	}

}
