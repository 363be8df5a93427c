package org.bangfu.identity;

import java.util.Locale;

import org.bangfu.shared.BangfuException;

/**
 * The password rules an MLPS level-3 review asks for: at least 10 characters, at least three
 * of upper case, lower case, digits and symbols, and not containing the login.
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 10;

	private PasswordPolicy() {
	}

	/** Fails with a message saying what is wrong; passes silently when the password is acceptable. */
	public static void check(String login, String password) {
		if (password == null || password.length() < MIN_LENGTH) {
			throw BangfuException.badField("password", "password.tooShort", MIN_LENGTH);
		}
		if (password.length() > 128) {
			throw BangfuException.badField("password", "password.tooLong", 128);
		}
		int classes = 0;
		classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
		classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
		classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
		classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
		if (classes < 3) {
			throw BangfuException.badField("password", "password.tooSimple");
		}
		if (login != null && login.length() >= 3
				&& password.toLowerCase(Locale.ROOT).contains(login.toLowerCase(Locale.ROOT))) {
			throw BangfuException.badField("password", "password.containsLogin");
		}
	}

}
