package org.bangfu.programs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.bangfu.organisation.OrganisationView;
import org.bangfu.registry.HouseholdCommands.FileHousehold;
import org.bangfu.registry.HouseholdCommands.HouseholdData;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Households;
import org.bangfu.registry.Vocabulary.HardshipCause;
import org.bangfu.registry.Vocabulary.HousingType;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.shared.Scope;

/** Test data for events: filed households of an organisation in a given township of Jiang'an district. */
final class EventWorld {

	static final String DAZHI = "420102002";

	static final String YIYUAN = "420102003";

	private EventWorld() {
	}

	static HouseholdView household(HouseholdRegistry registry, OrganisationView org, String township, String headName) {
		HouseholdData data = new HouseholdData(Households.fileNo(), township, "江岸区某街道某小区", "13812345678",
				HardshipCause.ILLNESS, List.of(), List.of(), HousingType.OWN, new BigDecimal("50.00"), null, 0, null, null,
				null, null, null);
		return registry.file(new Scope(org.id(), org.path()), new FileHousehold(org.id(), data,
				Households.person(headName, Households.idNumber(LocalDate.of(1960, 5, 5), true), Relation.HEAD, "0")));
	}

}
