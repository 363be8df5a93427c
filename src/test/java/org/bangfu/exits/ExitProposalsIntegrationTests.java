package org.bangfu.exits;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.bangfu.exits.internal.ExitProposalQuery;
import org.bangfu.exits.internal.ExitProposalQuery.Line;
import org.bangfu.identification.Standards;
import org.bangfu.organisation.Organisations;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.economics.HouseholdEconomics;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Role;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import tools.jackson.databind.JsonNode;

/** The six-month rule on PostgreSQL: month boundaries, a dip, the line itself, causes, nobody able to work. */
@IntegrationTest
@Import(Fixtures.class)
class ExitProposalsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Organisations organisations;

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	HouseholdEconomics economics;

	@Autowired
	Standards standards;

	@Autowired
	ExitProposalQuery query;

	@Autowired
	BusinessClock clock;

	ExitWorld world;

	@BeforeEach
	void setUp() {
		world = new ExitWorld(port, fixtures, organisations, registry, economics, standards, "500.00");
	}

	/** 500 a month per person in the households' region (the register keeps the 12-digit code). */
	private List<Line> line(HouseholdView h) {
		return List.of(new Line(h.regionCode(), world.lineKind, new BigDecimal("500.00"), false));
	}

	@Test
	void sixMonthsAboveTheLineCountBackFromLastMonthAndADipOrAMonthAtTheLineResetsTheCount() {
		world.settings(12, 12, 3);
		HouseholdView steady = world.household("钱稳定", true);
		HouseholdView dipped = world.household("孙波动", true);
		HouseholdView atLine = world.household("李持平", true);
		for (int m = 1; m <= 6; m++) {
			YearMonth month = YearMonth.of(2026, m);
			world.income(steady, month, "600.00");
			world.income(dipped, month, m == 3 ? "480.00" : "600.00");
			world.income(atLine, month, m == 2 ? "500.00" : "500.01");
		}
		LocalDate firstOfJuly = LocalDate.of(2026, 7, 1);
		List<ProposalRow> july = query.candidates(world.scope, null, firstOfJuly, line(steady));
		assertThat(july).extracting(ProposalRow::fileNo).containsExactly(steady.fileNo());
		ProposalRow p = july.get(0);
		assertThat(p.run()).isEqualTo(6);
		assertThat(p.months()).extracting(m -> m.month().toString())
			.containsExactly("2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06");
		assertThat(p.months()).extracting(MonthIncome::perCapita).containsOnly(new BigDecimal("600.00"));
		assertThat(p.unresolvedCauses()).containsExactly("UNEMPLOYMENT");

		// on the last day of June, June is not complete: January to May is five months
		assertThat(query.candidates(world.scope, null, LocalDate.of(2026, 6, 30), line(steady))).isEmpty();
		// a month with nothing recorded counts 0: in September the run is broken by July
		assertThat(query.candidates(world.scope, null, LocalDate.of(2026, 9, 1), line(steady))).isEmpty();
		// the dip in March leaves April to June (three months); the month at the line leaves March to June
		assertThat(query.candidates(world.scope, dipped.id(), firstOfJuly, line(steady))).isEmpty();
		assertThat(query.candidates(world.scope, atLine.id(), firstOfJuly, line(steady))).isEmpty();
		world.income(dipped, YearMonth.of(2026, 7), "600.00");
		world.income(dipped, YearMonth.of(2026, 8), "600.00");
		world.income(dipped, YearMonth.of(2026, 9), "600.00");
		assertThat(query.candidates(world.scope, dipped.id(), LocalDate.of(2026, 10, 1), line(steady)))
			.extracting(ProposalRow::run).containsExactly(6);
		// a yearly line counts a twelfth: 6,000 a year is 500 a month
		assertThat(query.candidates(world.scope, steady.id(), firstOfJuly,
				List.of(new Line(steady.regionCode(), world.lineKind, new BigDecimal("6000"), true))))
			.extracting(ProposalRow::run).containsExactly(6);
	}

	@Test
	void aHouseholdWithNobodyAbleToWorkIsNeverProposedButListedForTheSafetyNetWithItsOwnCase() {
		world.settings(12, 12, 3);
		HouseholdView able = world.household("周能干", true);
		HouseholdView unable = world.household("吴无力", false);
		HouseholdView waiting = world.household("郑待定", true);
		YearMonth last = YearMonth.from(clock.today());
		for (int k = 1; k <= 6; k++) {
			world.income(able, last.minusMonths(k), "900.00");
			world.income(unable, last.minusMonths(k), "900.00");
			world.income(waiting, last.minusMonths(k), "900.00");
		}
		Http caseworker = world.api(world.base.id(), Role.CASEWORKER);
		HttpResponse<String> resolved = caseworker.json("POST", "/api/v1/exit-proposals/" + able.id() + "/resolved-causes",
				"{\"cause\": \"UNEMPLOYMENT\", \"note\": \"已在物流公司就业\"}");
		assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(204);

		JsonNode lists = ExitWorld.JSON.readTree(caseworker.get("/api/v1/exit-proposals").body());
		assertThat(fileNos(lists.path("proposed"))).containsExactly(able.fileNo());
		assertThat(lists.path("proposed").get(0).path("months")).hasSize(6);
		assertThat(fileNos(lists.path("waitingOnCauses"))).containsExactly(waiting.fileNo());
		assertThat(fileNos(lists.path("safetyNet"))).containsExactly(unable.fileNo());

		HttpResponse<String> refused = caseworker.language("en").json("POST", "/api/v1/exit-proposals/" + unable.id() + "/case", null);
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(ExitWorld.JSON.readTree(refused.body()).path("detail").asText()).contains("nobody able to work");
		HttpResponse<String> notYet = caseworker.language("en").json("POST", "/api/v1/exit-proposals/" + waiting.id() + "/case", null);
		assertThat(notYet.statusCode()).isEqualTo(409);
		assertThat(ExitWorld.JSON.readTree(notYet.body()).path("detail").asText()).contains("unresolved hardship causes");

		HttpResponse<String> net = caseworker.json("POST", "/api/v1/exit-proposals/" + unable.id() + "/safety-net-case",
				"{\"net\": \"DIBAO\"}");
		assertThat(net.statusCode()).as(net.body()).isEqualTo(201);
		JsonNode opened = world.caseOf(caseworker, ExitWorld.JSON.readTree(net.body()).path("caseId").asLong());
		assertThat(opened.path("type").asText()).isEqualTo("ASSISTANCE");
		assertThat(opened.path("summary").asText()).contains("低保");

		HttpResponse<String> dismissed = caseworker.json("POST", "/api/v1/exit-proposals/" + able.id() + "/dismissal",
				"{\"reason\": \"收入来自一次性补偿，不稳定\"}");
		assertThat(dismissed.statusCode()).as(dismissed.body()).isEqualTo(204);
		lists = ExitWorld.JSON.readTree(caseworker.get("/api/v1/exit-proposals").body());
		assertThat(fileNos(lists.path("proposed"))).isEmpty();
		assertThat(fileNos(lists.path("safetyNet"))).isEmpty();
		assertThat(registry.find(world.scope, able.id()).orElseThrow().status().name()).isEqualTo("FILED");
	}

	@Test
	void anAdministratorsStatusCorrectionNeedsAReasonAndASecondAdministrator() {
		HouseholdView h = world.household("冯更正", true);
		Http first = world.api(world.county.id(), Role.ADMIN);
		Http second = world.api(world.county.id(), Role.ADMIN);
		HttpResponse<String> noReason = first.language("en").json("POST", "/api/v1/status-corrections",
				"{\"householdId\": %d, \"target\": \"CLOSED\"}".formatted(h.id()));
		assertThat(noReason.statusCode()).isEqualTo(400);
		HttpResponse<String> requested = first.json("POST", "/api/v1/status-corrections",
				"{\"householdId\": %d, \"target\": \"CLOSED\", \"reason\": \"重复建档，另一档案为准\"}".formatted(h.id()));
		assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
		long id = ExitWorld.JSON.readTree(requested.body()).path("id").asLong();
		assertThat(registry.find(world.scope, h.id()).orElseThrow().status().name()).isEqualTo("FILED");

		HttpResponse<String> own = first.language("en").json("POST", "/api/v1/status-corrections/" + id + "/decision", "{\"approve\": true}");
		assertThat(own.statusCode()).isEqualTo(409);
		assertThat(ExitWorld.JSON.readTree(own.body()).path("detail").asText()).contains("second administrator");
		assertThat(registry.find(world.scope, h.id()).orElseThrow().status().name()).isEqualTo("FILED");

		HttpResponse<String> approved = second.json("POST", "/api/v1/status-corrections/" + id + "/decision", "{\"approve\": true}");
		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
		assertThat(ExitWorld.JSON.readTree(approved.body()).path("status").asText()).isEqualTo("APPROVED");
		HouseholdView after = registry.find(world.scope, h.id()).orElseThrow();
		assertThat(after.status().name()).isEqualTo("CLOSED");
		assertThat(after.closeNote()).isEqualTo("重复建档，另一档案为准");
		assertThat(registry.history(world.scope, h.id()).get(0).kind()).isEqualTo("correctStatus");
		Http caseworker = world.api(world.county.id(), Role.CASEWORKER);
		assertThat(caseworker.json("POST", "/api/v1/status-corrections",
				"{\"householdId\": %d, \"target\": \"FILED\", \"reason\": \"x\"}".formatted(h.id())).statusCode()).isEqualTo(403);
		JsonNode listed = ExitWorld.JSON.readTree(second.get("/api/v1/status-corrections").body());
		assertThat(listed.valueStream().filter(r -> r.path("id").asLong() == id).map(r -> r.path("decidedBy").asText()).toList())
			.hasSize(1).doesNotContainNull();
	}

	private static List<String> fileNos(JsonNode rows) {
		return rows.valueStream().map(r -> r.path("fileNo").asText()).toList();
	}

}
