package org.bangfu.pairing;

import org.bangfu.pairing.PairingVocabulary.Frequency;

/** A visit frequency policy of an organisation (inherited by its subtree), for all or one household category. */
public record VisitPolicyView(long id, long organisationId, String organisationName, String category, Frequency frequency,
		Integer intervalDays) {
}
