package org.bangfu.pairing;

import java.util.List;

import org.bangfu.programs.HandoverView;
import org.bangfu.programs.HouseholdPayment;
import org.bangfu.registry.HouseholdView;

/**
 * The per-household handbook (一户一册): file summary, pairings, visits, measures, agreements,
 * confirmations, and the assistance received: payments of rosters and hand-overs of goods and vouchers.
 */
public record LedgerView(HouseholdView household, List<PairingView> pairings, List<VisitView> visits,
		List<MeasureView> measures, List<AgreementView> agreements, List<LedgerConfirmation> confirmations, DueRow nextDue,
		List<HouseholdPayment> payments, List<HandoverView> handovers) {
}
