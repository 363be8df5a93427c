package org.bangfu.identification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import org.bangfu.identification.StandardCommands.AddStandard;
import org.bangfu.registry.HouseholdCommands.AddMember;
import org.bangfu.registry.HouseholdCommands.FileHousehold;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.Health;
import org.bangfu.registry.Vocabulary.HousingType;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * A family of three with 899.99 a month has 299.99666… a head: below a 300 line, for one
 * household and for the batch alike (no quotient and no per-capita fact is rounded); 900.00 is
 * exactly on it and 900.01 above it.
 */
@IntegrationTest
@Import({ Fixtures.class, Places.class, Batches.class })
class ExactBoundaryIntegrationTests {

	@Autowired
	Decisions decisions;

	@Autowired
	Standards standards;

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	Places places;

	@Autowired
	Batches batches;

	HouseholdView family(Places.Place place, String income, LocalDate today) {
		HouseholdView h = registry.file(place.scope(), new FileHousehold(null, Places.household(place.township(), null,
				HousingType.OWN), Places.member("王一", today.minusYears(45), true, Relation.HEAD, Employment.EMPLOYED, income,
						Health.HEALTHY, null)));
		registry.addMember(place.scope(), h.id(), new AddMember(Places.member("王二", today.minusYears(44), false,
				Relation.SPOUSE, Employment.UNEMPLOYED, "0", Health.HEALTHY, null)));
		registry.addMember(place.scope(), h.id(), new AddMember(Places.member("王三", today.minusYears(70), true,
				Relation.FATHER, Employment.RETIRED, "0", Health.HEALTHY, null)));
		return h;
	}

	@Test
	void aFractionOfAFenBelowTheLineIsBelowItForOneHouseholdAndForTheBatch() throws Exception {
		Places.Place place = places.county("精确边界");
		LocalDate today = decisions.today();
		standards.add(place.scope(), new AddStandard("dibao_urban", place.county(), new BigDecimal("300"), null,
				LocalDate.of(2020, 1, 1), null, null));
		HouseholdView below = family(place, "899.99", today);
		HouseholdView on = family(place, "900.00", today);
		HouseholdView above = family(place, "900.01", today);
		Map<Long, String> union = Map.of(below.id(), "DEEP", on.id(), "RELATIVE", above.id(), "RELATIVE");
		Map<Long, String> near = Map.of(below.id(), "DIBAO", on.id(), "NEAR_DIBAO", above.id(), "NEAR_DIBAO");

		Map<Long, Batches.Decided> unionBatch = batches.run(place, "union-classes", today);
		Map<Long, Batches.Decided> nearBatch = batches.run(place, "near-dibao", today);
		for (long id : union.keySet()) {
			assertThat(decisions.evaluate(place.scope(), id, "union-classes", today, Locale.SIMPLIFIED_CHINESE).outcome())
				.as("one household %d", id).isEqualTo(union.get(id));
			assertThat(unionBatch.get(id).outcome()).as("batch %d", id).isEqualTo(union.get(id));
			assertThat(decisions.evaluate(place.scope(), id, "near-dibao", today, Locale.SIMPLIFIED_CHINESE).outcome())
				.as("per-capita fact, one household %d", id).isEqualTo(near.get(id));
			assertThat(nearBatch.get(id).outcome()).as("per-capita fact, batch %d", id).isEqualTo(near.get(id));
		}
		Explanation why = decisions.evaluate(place.scope(), below.id(), "near-dibao", today, Locale.SIMPLIFIED_CHINESE)
			.explanation();
		assertThat(why.summary()).isEqualTo(
				"人均月收入 299.996666… < (户主为农业户口 = 否，故取 城市低保标准（每人每月） 300.00) = 300.00 ✓ → 低保标准以下");
		assertThat(why.facts()).extracting(Explanation.FactValue::name, Explanation.FactValue::value)
			.contains(org.assertj.core.groups.Tuple.tuple("per_capita_income_month", "299.996666…"),
					org.assertj.core.groups.Tuple.tuple("income_month", "899.99"), org.assertj.core.groups.Tuple.tuple("size", "3"));
		// the recorded decision (the batch's snapshot) explains itself the same way
		assertThat(decisions.find(place.scope(), nearBatch.get(below.id()).id(), Locale.ENGLISH).explanation().summary())
			.startsWith("Per-capita monthly income 299.996666… < (");
	}

}
