package org.bangfu.pairing;

/**
 * The pairing rules in force for an organisation: the hard cap of households per cadre, the
 * minimum term (months) before which ending a pairing is "early", and the number of
 * organisations it may help per year (null: by its level — province 3, city 2, otherwise 1).
 * {@code fromOrganisationId} is where the values come from (itself, an ancestor, or null for
 * the defaults).
 */
public record PairingSettings(int cadreCap, int minTermMonths, Integer orgCapacity, Long fromOrganisationId) {

	public static final int DEFAULT_CAP = 5;

	public static final int DEFAULT_MIN_TERM_MONTHS = 12;

	public static PairingSettings defaults() {
		return new PairingSettings(DEFAULT_CAP, DEFAULT_MIN_TERM_MONTHS, null, null);
	}

}
