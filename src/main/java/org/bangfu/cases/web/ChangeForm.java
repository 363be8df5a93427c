package org.bangfu.cases.web;

import java.math.BigDecimal;
import java.util.Map;

import org.bangfu.registry.HouseholdCommands.HouseholdData;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Vocabulary.HousingType;
import org.bangfu.shared.BangfuException;

/**
 * A change of file proposed on the page: the household-level facts a change usually concerns
 * (address, phone, housing, rent, vehicles, savings, business, remarks), the rest as it is now.
 * The bank account is left blank, which keeps the stored one.
 */
final class ChangeForm {

	private ChangeForm() {
	}

	static HouseholdData from(HouseholdView h, Map<String, String> p) {
		return new HouseholdData(h.fileNo(), h.regionCode(), text(p, "address", h.address()), text(p, "phone", h.phone()),
				h.mainCause(), h.secondaryCauses(), h.categories(), housing(p, h.housingType()),
				number(p, "floorArea", h.floorArea()), number(p, "annualRent", h.annualRent()),
				p.containsKey("vehicles") && !p.get("vehicles").isBlank() ? whole(p.get("vehicles")) : h.vehicles(),
				number(p, "savings", h.savings()), text(p, "business", h.business()), h.bankName(), null,
				text(p, "remarks", h.remarks()));
	}

	private static String text(Map<String, String> p, String field, String current) {
		return p.containsKey(field) ? p.get(field).strip() : current;
	}

	private static HousingType housing(Map<String, String> p, HousingType current) {
		String v = p.get("housingType");
		if (v == null) {
			return current;
		}
		return v.isBlank() ? null : HousingType.valueOf(v);
	}

	private static BigDecimal number(Map<String, String> p, String field, BigDecimal current) {
		String v = p.get(field);
		if (v == null) {
			return current;
		}
		if (v.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(v.strip());
		}
		catch (NumberFormatException ex) {
			throw BangfuException.badField(field, "money.format", v);
		}
	}

	private static int whole(String v) {
		try {
			return Integer.parseInt(v.strip());
		}
		catch (NumberFormatException ex) {
			throw BangfuException.badField("vehicles", "cases.form.votes.invalid");
		}
	}

}
