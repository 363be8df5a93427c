package org.bangfu.exits;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;

import org.bangfu.cases.Notices;
import org.bangfu.identification.Standards;
import org.bangfu.organisation.Organisations;
import org.bangfu.pairing.Visits;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.economics.HouseholdEconomics;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Role;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import tools.jackson.databind.JsonNode;

/**
 * From a proposal through the union exit chain (re-check, notice, approval) to the register: the
 * exited household stays on the visit schedule for the transition period, its follow-up visits are
 * scheduled from the exit date, listed when overdue and recorded.
 */
@IntegrationTest
@Import(Fixtures.class)
class ExitTransitionIntegrationTests {

	static final String VISIT = """
			{"visitDate": "%s", "visitors": "王主任、刘干事", "findings": "已在物流公司稳定就业半年。"}""";

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
	Notices notices;

	@Autowired
	Visits visits;

	@Autowired
	BusinessClock clock;

	@AfterEach
	void resetClock() {
		clock.set(Clock.system(BusinessClock.zone()));
	}

	@Test
	void aProposedExitGoesThroughItsChainThenPairingGoesOnForTheTransitionAndFollowUpsFallDue() {
		ExitWorld world = new ExitWorld(port, fixtures, organisations, registry, economics, standards, "500.00");
		world.settings(12, 12, 3);
		HouseholdView h = world.household("陈志强", true);
		YearMonth thisMonth = YearMonth.from(clock.today());
		for (int k = 1; k <= 6; k++) {
			world.income(h, thisMonth.minusMonths(k), "800.00");
		}
		Http caseworker = world.api(world.base.id(), Role.CASEWORKER);
		Http rechecker = world.api(world.county.id(), Role.REVIEWER);
		Http approver = world.api(world.county.id(), Role.APPROVER);
		assertThat(caseworker.json("POST", "/api/v1/exit-proposals/" + h.id() + "/resolved-causes",
				"{\"cause\": \"UNEMPLOYMENT\", \"note\": \"已就业\"}").statusCode()).isEqualTo(204);

		HttpResponse<String> opened = caseworker.json("POST", "/api/v1/exit-proposals/" + h.id() + "/case", null);
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
		long caseId = ExitWorld.JSON.readTree(opened.body()).path("caseId").asLong();
		JsonNode c = world.caseOf(caseworker, caseId);
		assertThat(c.path("type").asText()).isEqualTo("EXIT");
		assertThat(c.path("summary").asText()).contains("连续 6 个月").contains(thisMonth.minusMonths(6).toString());
		JsonNode lists = ExitWorld.JSON.readTree(caseworker.get("/api/v1/exit-proposals").body());
		assertThat(lists.path("proposed").get(0).path("openCaseNo").asText()).isEqualTo(c.path("caseNo").asText());
		assertThat(caseworker.json("POST", "/api/v1/exit-proposals/" + h.id() + "/case", null).statusCode()).isEqualTo(409);

		assertThat(world.upload(caseworker, caseId, "INCOME", "近6个月工资流水.pdf").statusCode()).isEqualTo(201);
		world.submit(caseworker, caseId);
		world.act(rechecker, caseId, VISIT.formatted(clock.today()));
		assertThat(registry.find(world.scope, h.id()).orElseThrow().status().name()).as("no exit before approval").isEqualTo("FILED");
		world.publishNotice(rechecker, caseId);
		clock.set(Clock.offset(Clock.system(BusinessClock.zone()), Duration.ofDays(10)));
		notices.closeExpired();
		assertThat(world.upload(approver, caseId, "EXIT_FORM", "脱困登记表.pdf").statusCode()).isEqualTo(201);
		world.act(approver, caseId, null);
		HouseholdView exited = registry.find(world.scope, h.id()).orElseThrow();
		assertThat(exited.status().name()).isEqualTo("EXITED");
		LocalDate exitDate = exited.exitDate();

		// 脱困不脱帮扶: still on the visit schedule in the transition period
		assertThat(visits.nextDue(world.scope, h.id())).isPresent();

		JsonNode followUps = ExitWorld.JSON.readTree(caseworker.get("/api/v1/follow-ups?householdId=" + h.id()).body());
		assertThat(followUps.valueStream().map(f -> f.path("dueOn").asText()).toList()).containsExactly(
				exitDate.plusMonths(3).toString(), exitDate.plusMonths(6).toString(), exitDate.plusMonths(9).toString(),
				exitDate.plusMonths(12).toString());
		assertThat(ExitWorld.JSON.readTree(caseworker.get("/api/v1/follow-ups?overdue=true").body())).isEmpty();

		clock.set(Clock.offset(Clock.system(BusinessClock.zone()), Duration.ofDays(10 + 100)));
		JsonNode overdue = ExitWorld.JSON.readTree(caseworker.get("/api/v1/follow-ups?overdue=true").body());
		assertThat(overdue.valueStream().map(f -> f.path("seq").asInt()).toList()).containsExactly(1);
		long first = overdue.get(0).path("id").asLong();
		HttpResponse<String> future = caseworker.language("en").json("POST", "/api/v1/follow-ups/" + first + "/visit", """
				{"visitedOn": "%s", "visitors": "刘干事", "stable": true}""".formatted(clock.today().plusDays(1)));
		assertThat(future.statusCode()).isEqualTo(400);
		HttpResponse<String> visited = caseworker.json("POST", "/api/v1/follow-ups/" + first + "/visit", """
				{"visitedOn": "%s", "visitors": "刘干事", "findings": "收入稳定", "stable": true}""".formatted(clock.today()));
		assertThat(visited.statusCode()).as(visited.body()).isEqualTo(200);
		assertThat(ExitWorld.JSON.readTree(visited.body()).path("visitedOn").asText()).isEqualTo(clock.today().toString());
		assertThat(ExitWorld.JSON.readTree(caseworker.get("/api/v1/follow-ups?overdue=true").body())).isEmpty();

		// after the transition period (12 months) the household leaves the visit schedule
		clock.set(Clock.offset(Clock.system(BusinessClock.zone()), Duration.ofDays(10 + 370)));
		assertThat(visits.nextDue(world.scope, h.id())).isEmpty();
	}

}
