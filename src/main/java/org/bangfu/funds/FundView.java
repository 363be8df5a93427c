package org.bangfu.funds;

/**
 * A fund of an organisation with its balances in fen: available (free to commit, restricted
 * donations included), committed to approved rosters not yet paid, spent, and restricted (the part
 * of available that may only be spent on one program). Goods are donations in kind, at their value.
 */
public record FundView(long id, long organisationId, String organisationName, String code, String name, FundSource source,
		boolean transferable, Long topUpFrom, long availableFen, long restrictedFen, long committedFen, long spentFen,
		long goodsFen) {

	/** The money the fund holds: available and committed. */
	public long heldFen() {
		return availableFen + committedFen;
	}

	public String sourceKey() {
		return source.messageKey();
	}

	public String available() {
		return Yuan.of(availableFen);
	}

	public String restricted() {
		return Yuan.of(restrictedFen);
	}

	public String committed() {
		return Yuan.of(committedFen);
	}

	public String spent() {
		return Yuan.of(spentFen);
	}

	public String goods() {
		return Yuan.of(goodsFen);
	}

	public String held() {
		return Yuan.of(heldFen());
	}

}
