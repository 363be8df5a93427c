package org.bangfu.pairing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.bangfu.organisation.OrganisationView;
import org.bangfu.registry.HouseholdCommands.FileHousehold;
import org.bangfu.registry.HouseholdCommands.HouseholdData;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Households;
import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.HardshipCause;
import org.bangfu.registry.Vocabulary.HousingType;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.shared.Scope;
import org.bangfu.support.Fixtures;

/** Test data for pairing: organisations with their scope, filed households in a given township. */
final class PairingData {

	static final String DAZHI = "420102002";

	static final String YIYUAN = "420102003";

	private PairingData() {
	}

	static Scope scope(Fixtures fixtures, OrganisationView org) {
		return new Scope(org.id(), org.path());
	}

	static HouseholdView household(HouseholdRegistry registry, Scope scope, long organisationId, String township,
			Category... categories) {
		HouseholdData data = new HouseholdData(Households.fileNo(), township, "江岸区某街道某小区", "13812345678",
				HardshipCause.ILLNESS, List.of(), List.of(categories), HousingType.OWN, new BigDecimal("50.00"), null, 0,
				null, null, null, null, null);
		String id = Households.idNumber(LocalDate.of(1970, 3, 3), true);
		return registry.file(scope, new FileHousehold(organisationId, data, Households.person("王德明", id, Relation.HEAD, "0")));
	}

	static HouseholdView household(HouseholdRegistry registry, Scope scope, long organisationId) {
		return household(registry, scope, organisationId, DAZHI);
	}

}
