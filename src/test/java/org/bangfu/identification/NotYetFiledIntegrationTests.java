package org.bangfu.identification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bangfu.identification.StandardCommands.AddStandard;
import org.bangfu.registry.HouseholdView;
import org.bangfu.shared.Role;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * For a date before a household was filed, one household's decision and the batch give the
 * same answer, in words: not yet filed on that date (never an answer from today's file).
 */
@IntegrationTest
@Import({ Fixtures.class, Places.class, Batches.class })
class NotYetFiledIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Decisions decisions;

	@Autowired
	Standards standards;

	@Autowired
	Places places;

	@Autowired
	Batches batches;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDateBeforeTheFilingIsAnsweredNotYetFiledByOneHouseholdAndByTheBatch() throws Exception {
		Places.Place place = places.county("尚未建档");
		LocalDate today = decisions.today();
		LocalDate then = today.minusDays(10);
		standards.add(place.scope(), new AddStandard("dibao_urban", place.county(), new BigDecimal("300"), null,
				LocalDate.of(2020, 1, 1), null, null));
		HouseholdView earlier = places.workedExample(place.scope(), place.township(), today);
		jdbc.sql("UPDATE registry_change SET changed_at = changed_at - interval '30 days' WHERE household_id = ?")
			.param(earlier.id())
			.update();
		HouseholdView newcomer = places.workedExample(place.scope(), place.township(), today);

		Evaluation zh = decisions.evaluate(place.scope(), newcomer.id(), "union-classes", then, Locale.SIMPLIFIED_CHINESE);
		assertThat(zh.outcome()).isEqualTo("NOT_FILED");
		assertThat(zh.label()).isEqualTo("该日期尚未建档");
		assertThat(zh.explanation().summary()).isEqualTo(then + " 时该家庭尚未建档（首次建档于 " + today
				+ "），不作认定，也不按今天的档案推算。");
		assertThat(zh.explanation().steps()).isEmpty();
		List<Evaluation> en = decisions.evaluate(place.scope(), newcomer.id(), then, Locale.ENGLISH);
		assertThat(en).isNotEmpty().allSatisfy(e -> {
			assertThat(e.outcome()).isEqualTo("NOT_FILED");
			assertThat(e.label()).isEqualTo("Not yet filed on that date");
		});
		assertThat(decisions.evaluate(place.scope(), earlier.id(), "union-classes", then, Locale.SIMPLIFIED_CHINESE).outcome())
			.as("filed a month ago: decided from that date's file").isEqualTo("DEEP");
		assertThat(decisions.evaluate(place.scope(), newcomer.id(), "union-classes", today, Locale.SIMPLIFIED_CHINESE).outcome())
			.as("today it is filed").isEqualTo("DEEP");

		Map<Long, Batches.Decided> batch = batches.run(place, "union-classes", then);
		assertThat(batch.get(newcomer.id()).outcome()).isEqualTo("NOT_FILED");
		assertThat(batch.get(earlier.id()).outcome()).isEqualTo("DEEP");
		for (long id : batch.keySet()) {
			assertThat(batch.get(id).outcome()).as("household %d: batch and one household agree", id)
				.isEqualTo(decisions.evaluate(place.scope(), id, "union-classes", then, Locale.SIMPLIFIED_CHINESE).outcome());
		}
		Decisions.StoredDecision stored = decisions.find(place.scope(), batch.get(newcomer.id()).id(), Locale.ENGLISH);
		assertThat(stored.decision().label()).isEqualTo("Not yet filed on that date");
		assertThat(stored.explanation().notFiled()).isTrue();
		assertThat(stored.explanation().summary()).startsWith("The household was not yet filed on " + then);

		DecisionView recorded = decisions.record(place.scope(), newcomer.id(), "union-classes", then, Locale.SIMPLIFIED_CHINESE);
		assertThat(recorded.outcome()).isEqualTo("NOT_FILED");
		assertThat(recorded.label()).isEqualTo("该日期尚未建档");

		Http api = Http.basic(port, fixtures.user(place.organisation().id(), Role.CASEWORKER), Fixtures.PASSWORD).language("en");
		String body = api.get("/api/v1/households/" + newcomer.id() + "/decision?ruleSet=union-classes&date=" + then).body();
		assertThat(body).contains("\"outcome\":\"NOT_FILED\"").contains("Not yet filed on that date");
	}

}
