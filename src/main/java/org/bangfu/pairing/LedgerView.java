package org.bangfu.pairing;

import java.util.List;

import org.bangfu.registry.HouseholdView;

/** The per-household handbook (一户一册): file summary, pairings, visits, measures, agreements, confirmations. */
public record LedgerView(HouseholdView household, List<PairingView> pairings, List<VisitView> visits,
		List<MeasureView> measures, List<AgreementView> agreements, List<LedgerConfirmation> confirmations, DueRow nextDue) {
}
