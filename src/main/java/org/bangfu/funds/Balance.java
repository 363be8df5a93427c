package org.bangfu.funds;

/** Balances in fen of a group (a fund, a program or an organisation) at a date. */
public record Balance(String key, String label, long availableFen, long committedFen, long spentFen) {

	public String available() {
		return Yuan.of(availableFen);
	}

	public String committed() {
		return Yuan.of(committedFen);
	}

	public String spent() {
		return Yuan.of(spentFen);
	}

}
