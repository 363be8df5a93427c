package org.bangfu.crosscheck.internal;

import org.bangfu.crosscheck.FindingKind;
import org.bangfu.crosscheck.FindingView;
import org.bangfu.registry.HouseholdCommands.HouseholdData;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Vocabulary.HousingType;

/** What a case opened from a confirmed finding proposes: its summary and, for a change, the file as it should become. */
public final class FollowUpPolicy {

	private FollowUpPolicy() {
	}

	public static String summary(FindingView f, String reason) {
		return "信息比对 " + f.source() + " (" + f.asOf() + ") " + f.kind().name() + " " + f.memberName() + ": " + reason;
	}

	/** The current file with the fact the finding shows: the vehicles, the business, an owned home. */
	public static HouseholdData change(HouseholdView h, FindingView f) {
		int vehicles = f.kind() == FindingKind.VEHICLE ? Math.max(h.vehicles(), h.vehicles() + f.evidence().size())
				: h.vehicles();
		String business = h.business();
		if (f.kind() == FindingKind.BUSINESS && !f.evidence().isEmpty()) {
			Object item = f.evidence().get(0).get("item");
			business = item == null ? business : item.toString();
		}
		HousingType housing = f.kind() == FindingKind.SECOND_HOME && h.housingType() != HousingType.OWN ? HousingType.OWN
				: h.housingType();
		return new HouseholdData(h.fileNo(), h.regionCode(), h.address(), h.phone(), h.mainCause(), h.secondaryCauses(),
				h.categories(), housing, h.floorArea(), h.annualRent(), vehicles, h.savings(), business, h.bankName(), null,
				h.remarks());
	}

}
