package org.bangfu.identification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.bangfu.identification.StandardCommands.AddStandard;
import org.bangfu.identification.StandardCommands.AddStandardKind;
import org.bangfu.identification.StandardCommands.EndStandard;
import org.bangfu.registry.HouseholdView;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Role;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * A correction replaces the figure it corrects for its whole period: shortening leaves nothing
 * of the old open-ended figure after the new end, ending stops it, a later correction re-opens
 * it; one household and the batch read the same figure; the history page shows the corrections.
 */
@IntegrationTest
@Import({ Fixtures.class, Places.class, Batches.class })
class StandardCorrectionsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Decisions decisions;

	@Autowired
	Standards standards;

	@Autowired
	RuleSets ruleSets;

	@Autowired
	Places places;

	@Autowired
	Batches batches;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	static final LocalDate START = LocalDate.of(2020, 1, 1);

	@Test
	void aCorrectionShortensEndsAndReopensTheFigureForOneHouseholdAndForTheBatch() throws Exception {
		Places.Place place = places.county("标准更正");
		LocalDate today = decisions.today();
		String kind = "heat_line_" + System.nanoTime() % 100000000;
		standards.addKind(new AddStandardKind(kind, StandardBasis.MONTH, "取暖线", "Heating line"));
		String code = "heat-" + System.nanoTime() % 100000000;
		RuleSetView rs = ruleSets.create(place.scope(), code, new RuleSetContent("取暖", "Heating", null,
				List.of(new RuleRow("per_capita_income_month < std('" + kind + "')", "LOW", "低于取暖线", "Below")), "NONE", "否",
				"No", List.of(new TestCase("低于", Map.of("per_capita_income_month", 100), Map.of(kind, new BigDecimal("300")), "LOW"))));
		ruleSets.activate(place.scope(), rs.id(), START);
		HouseholdView h = places.workedExample(place.scope(), place.township(), today);
		// filed a month ago, so that earlier dates read its file
		jdbc.sql("UPDATE registry_change SET changed_at = changed_at - interval '30 days' WHERE household_id = ?").param(h.id()).update();
		StandardView v1 = standards.add(place.scope(), new AddStandard(kind, place.county(), new BigDecimal("300"), null, START,
				null, null));
		assertOutcome(place, code, h, today, "LOW");
		DecisionView recorded = decisions.record(place.scope(), h.id(), code, today, Locale.SIMPLIFIED_CHINESE);

		// shortened to end yesterday: the old open-ended figure does not come back after the new end
		StandardView v2 = standards.add(place.scope(), new AddStandard(kind, place.county(), new BigDecimal("300"), null, START,
				today.minusDays(1), "更正：截止昨天"));
		assertThat(v2.version()).isEqualTo(v1.version() + 1);
		assertThat(decisions.current(place.scope(), h.id(), Locale.SIMPLIFIED_CHINESE)).filteredOn(d -> d.id() == recorded.id())
			.singleElement().satisfies(d -> assertThat(d.stale()).as("the lost days' decisions are stale").isTrue());
		assertThat(standards.resolve(place.township(), today, Set.of(kind))).isEmpty();
		assertThat(standards.resolve(place.township(), today.minusDays(1), Set.of(kind)).get(kind).id()).isEqualTo(v2.id());
		assertOutcome(place, code, h, today, "UNDECIDED");
		assertOutcome(place, code, h, today.minusDays(1), "LOW");

		// re-opened: a correction without an end
		StandardView v3 = standards.add(place.scope(), new AddStandard(kind, place.county(), new BigDecimal("250"), null, START,
				null, null));
		assertOutcome(place, code, h, today, "LOW");
		assertThat(standards.resolve(place.township(), today, Set.of(kind)).get(kind).value()).isEqualByComparingTo("250");

		// ended on a date: from the next day it applies nowhere; a corrected version cannot be ended
		StandardView v4 = standards.end(place.scope(), v3.id(), new EndStandard(today.minusDays(5), null));
		assertThat(v4.value()).isEqualByComparingTo("250");
		assertThat(v4.effectiveTo()).isEqualTo(today.minusDays(5));
		assertOutcome(place, code, h, today, "UNDECIDED");
		assertOutcome(place, code, h, today.minusDays(5), "LOW");
		assertThatThrownBy(() -> standards.end(place.scope(), v1.id(), new EndStandard(today, null)))
			.isInstanceOfSatisfying(BangfuException.class, ex -> {
				assertThat(ex.problem()).isEqualTo(Problem.CONFLICT);
				assertThat(ex.messageKey()).isEqualTo("identification.standard.end.corrected");
			});
		assertThatThrownBy(() -> standards.end(place.scope(), v4.id(), new EndStandard(START.minusDays(1), null)))
			.isInstanceOfSatisfying(BangfuException.class, ex -> assertThat(ex.field()).isEqualTo("effectiveTo"));

		assertThat(standards.history(kind, place.county())).extracting(StandardView::version, StandardView::correctedBy)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(v4.version(), null),
					org.assertj.core.groups.Tuple.tuple(v3.version(), v4.version()),
					org.assertj.core.groups.Tuple.tuple(v2.version(), v3.version()),
					org.assertj.core.groups.Tuple.tuple(v1.version(), v2.version()));

		// the page shows the corrections and ends a figure; the API ends one and refuses a bad date in the caller's language
		Http admin = Http.loggedIn(port, fixtures.user(place.organisation().id(), Role.ADMIN), Fixtures.PASSWORD);
		String page = admin.get("/identification/standards/history?kind=" + kind + "&region=" + place.county()).body();
		assertThat(page).contains("已被第 " + v2.version() + " 版更正，不再适用").contains("现行").contains("结束此标准");
		HttpResponse<String> ended = admin.form("/identification/standards/" + v4.id() + "/end",
				Map.of("effectiveTo", today.plusDays(30).toString()));
		assertThat(ended.statusCode()).isEqualTo(302);
		assertOutcome(place, code, h, today, "LOW");
		Http api = Http.basic(port, fixtures.user(place.organisation().id(), Role.ADMIN), Fixtures.PASSWORD).language("en");
		StandardView v5 = standards.history(kind, place.county()).get(0);
		HttpResponse<String> bad = api.json("POST", "/api/v1/standards/" + v5.id() + "/end",
				"{\"effectiveTo\": \"" + START.minusDays(1) + "\"}");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("The end date cannot be before the start date 2020-01-01.");
		HttpResponse<String> ok = api.json("POST", "/api/v1/standards/" + v5.id() + "/end",
				"{\"effectiveTo\": \"" + today.minusDays(2) + "\"}");
		assertThat(ok.statusCode()).isEqualTo(201);
		assertThat(ok.body()).contains("\"effectiveTo\":\"" + today.minusDays(2) + "\"");
		assertOutcome(place, code, h, today, "UNDECIDED");
	}

	/** One household and the batch (the SQL path) give the same outcome on the date. */
	void assertOutcome(Places.Place place, String code, HouseholdView h, LocalDate on, String expected) throws Exception {
		assertThat(decisions.evaluate(place.scope(), h.id(), code, on, Locale.SIMPLIFIED_CHINESE).outcome())
			.as("one household on %s", on).isEqualTo(expected);
		assertThat(batches.run(place, code, on).get(h.id()).outcome()).as("batch on %s", on).isEqualTo(expected);
	}

}
