package org.bangfu.pairing;

/**
 * A pairing cadre: a user ({@code userId}) or a person without a login. {@code cap} is the
 * organisation's limit in force; {@code room} how many more households the cadre may take.
 */
public record CadreView(long id, long organisationId, String organisationName, Long userId, String login,
		String name, String phone, String position, boolean active, int activeHouseholds, int cap) {

	public int room() {
		return active ? Math.max(0, cap - activeHouseholds) : 0;
	}

	public boolean hasLogin() {
		return userId != null;
	}

}
