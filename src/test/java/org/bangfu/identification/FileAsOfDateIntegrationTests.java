package org.bangfu.identification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import org.bangfu.identification.StandardCommands.AddStandard;
import org.bangfu.registry.HouseholdCommands.AddMember;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.Health;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Evaluating a household for an earlier date reads the file as it stood on that date (the
 * register's history), not today's file; a date before the file's first entry reads the file
 * as it is.
 */
@IntegrationTest
@Import({ Fixtures.class, Places.class })
class FileAsOfDateIntegrationTests {

	@Autowired
	Decisions decisions;

	@Autowired
	Standards standards;

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	Places places;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anOldDateUsesTheFileOfThatDateWithThatDatesStandard() {
		Places.Place place = places.county("按日期档案");
		LocalDate today = decisions.today();
		standards.add(place.scope(), new AddStandard("dibao_urban", place.county(), new BigDecimal("300"), null,
				LocalDate.of(2020, 1, 1), null, null));
		HouseholdView h = places.workedExample(place.scope(), place.township(), today);
		// The file as filed 30 days ago; today a grandmother with a pension of 2,000 joins.
		jdbc.sql("UPDATE registry_change SET changed_at = changed_at - interval '30 days' WHERE household_id = ?")
			.param(h.id())
			.update();
		registry.addMember(place.scope(), h.id(), new AddMember(Places.member("张奶奶", today.minusYears(75), false,
				Relation.MOTHER, Employment.RETIRED, "2000", Health.HEALTHY, null)));

		Evaluation now = decisions.evaluate(place.scope(), h.id(), "union-classes", today, Locale.SIMPLIFIED_CHINESE);
		Evaluation then = decisions.evaluate(place.scope(), h.id(), "union-classes", today.minusDays(10), Locale.SIMPLIFIED_CHINESE);
		Evaluation beforeFiling = decisions.evaluate(place.scope(), h.id(), "union-classes", today.minusDays(100),
				Locale.SIMPLIFIED_CHINESE);

		assertThat(now.explanation().facts()).extracting(Explanation.FactValue::name, Explanation.FactValue::value)
			.contains(org.assertj.core.groups.Tuple.tuple("size", "4"), org.assertj.core.groups.Tuple.tuple("income_year", "32,400.00"));
		assertThat(now.outcome()).isEqualTo("NONE");
		assertThat(then.outcome()).isEqualTo("DEEP");
		assertThat(then.explanation().summary()).isEqualTo("(家庭年收入 8,400.00 − 年刚性支出 0.00) ÷ 12 ÷ 家庭人口 3 = 233.333333… < 城市低保标准（每人每月） 300.00 ✓ → 深度困难");
		assertThat(beforeFiling.outcome()).as("before the file existed: said so, not today's file").isEqualTo("NOT_FILED");
		assertThat(beforeFiling.label()).isEqualTo("该日期尚未建档");

		DecisionView recorded = decisions.record(place.scope(), h.id(), "union-classes", today.minusDays(10), Locale.SIMPLIFIED_CHINESE);
		assertThat(recorded.outcome()).isEqualTo("DEEP");
		Integer version = jdbc.sql("SELECT household_version FROM identification_decision WHERE id = ?")
			.param(recorded.id())
			.query(Integer.class)
			.single();
		assertThat(version).as("the version of the file as of that date").isLessThan(registry.find(place.scope(), h.id()).orElseThrow().version());
	}

}
