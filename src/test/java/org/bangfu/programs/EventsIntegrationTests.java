package org.bangfu.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.bangfu.organisation.OrganisationView;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.shared.Actor;
import org.bangfu.shared.Role;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Declaring events through the API on PostgreSQL: who they reach in the declarer's scope, the
 * published event, the audit trail, bad input refused with nothing stored, and access by role.
 */
@IntegrationTest
@RecordApplicationEvents
class EventsIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents published;

	@Autowired
	Events events;

	OrganisationView county;

	OrganisationView street;

	OrganisationView sibling;

	Http officer;

	@BeforeEach
	void world() {
		county = fixtures.organisation("江岸区总工会");
		street = fixtures.organisationUnder(county.id(), "大智街道工会");
		sibling = fixtures.organisation("邻区工会");
		EventWorld.household(registry, county, EventWorld.DAZHI, "李秀英");
		EventWorld.household(registry, street, EventWorld.DAZHI, "王德明");
		EventWorld.household(registry, county, EventWorld.YIYUAN, "赵丽华");
		EventWorld.household(registry, sibling, EventWorld.DAZHI, "不在范围");
		officer = Http.basic(port, fixtures.user(county.id(), Role.FINANCE_OFFICER), Fixtures.PASSWORD);
	}

	private static JsonNode json(HttpResponse<String> res) {
		return JSON.readTree(res.body());
	}

	private HttpResponse<String> declare(Http http, String regions, String from, String to) {
		return http.json("POST", "/api/v1/events", """
				{"kind":"HEAT_ORANGE","regionCodes":[%s],"from":"%s","to":"%s","note":"连续三天38度以上"}"""
			.formatted(regions, from, to));
	}

	private long events() {
		return jdbc.sql("SELECT count(*) FROM programs_event WHERE organisation_id IN (?, ?, ?)")
			.params(county.id(), street.id(), sibling.id())
			.query(Long.class)
			.single();
	}

	@Test
	void aTownshipEventReachesTheFiledHouseholdsThereInTheDeclarersSubtreeOnly() {
		HttpResponse<String> res = declare(officer, "\"420102002\"", "2027-07-20", "2027-07-25");
		assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
		JsonNode event = json(res);
		long id = event.get("id").asLong();
		assertThat(event.get("regions").get(0).get("name").asString()).isEqualTo("大智街道");
		assertThat(event.get("regions").get(0).get("code").asString()).isEqualTo("420102002000");

		JsonNode reach = json(officer.get("/api/v1/events/" + id + "/reach"));
		assertThat(reach.get("households").asLong()).isEqualTo(2);
		assertThat(reach.get("persons").asLong()).isEqualTo(2);
		assertThat(reach.get("rows").valueStream().map(r -> r.get("headName").asString()))
			.containsExactlyInAnyOrder("李秀英", "王德明");

		// the event is the county's: outside the street union's subtree, so not found there
		Http streetUser = Http.basic(port, fixtures.user(street.id(), Role.REVIEWER), Fixtures.PASSWORD);
		assertThat(streetUser.get("/api/v1/events/" + id).statusCode()).isEqualTo(404);

		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'event.declare' AND object_id = ?")
			.param(Long.toString(id))
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'event.reach' AND object_id = ?")
			.param(Long.toString(id))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void declaringPublishesEventDeclaredForTheProgramsToProposeACycle() {
		Actor actor = new Actor() {
			public long userId() {
				return 0;
			}

			public String login() {
				return "officer";
			}

			public String displayName() {
				return "财务人员";
			}

			public long organisationId() {
				return county.id();
			}

			public String organisationPath() {
				return county.path();
			}

			public Set<Role> roles() {
				return Set.of(Role.FINANCE_OFFICER);
			}
		};
		EventView e = events.declare(actor, new EventDeclaration(EventKind.EPIDEMIC_HIGH_RISK, null,
				List.of("420102003", "420102002000"), LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 14), null, null));
		assertThat(published.stream(EventDeclared.class).filter(p -> p.eventId() == e.id()))
			.singleElement()
			.satisfies(p -> {
				assertThat(p.kind()).isEqualTo(EventKind.EPIDEMIC_HIGH_RISK);
				assertThat(p.regionCodes()).containsExactly("420102003000", "420102002000");
				assertThat(p.organisationId()).isEqualTo(county.id());
				assertThat(p.from()).isEqualTo(LocalDate.of(2027, 3, 1));
				assertThat(p.to()).isEqualTo(LocalDate.of(2027, 3, 14));
			});
		assertThat(e.declaredBy()).isEqualTo("财务人员");
	}

	@Test
	void severalRegionsOfAnyLevelAddUpWithoutCountingAHouseholdTwice() {
		JsonNode event = json(declare(officer, "\"420102\", \"420102002\"", "2027-01-10", "2027-01-12"));
		JsonNode reach = json(officer.get("/api/v1/events/" + event.get("id").asLong() + "/reach?size=2"));
		assertThat(reach.get("households").asLong()).isEqualTo(3);
		assertThat(reach.get("rows").size()).isEqualTo(2);
		JsonNode twoTownships = json(declare(officer, "\"420102003\", \"420102002\"", "2027-01-10", "2027-01-12"));
		assertThat(json(officer.get("/api/v1/events/" + twoTownships.get("id").asLong() + "/reach")).get("households").asLong())
			.isEqualTo(3);
	}

	@Test
	void badInputIsRefusedInChineseAndNothingIsStored() {
		long before = events();
		HttpResponse<String> order = declare(officer, "\"420102002\"", "2027-07-25", "2027-07-20");
		assertThat(order.statusCode()).isEqualTo(400);
		assertThat(json(order).get("detail").asString()).contains("开始日期 2027-07-25 晚于结束日期 2027-07-20");

		HttpResponse<String> outside = declare(officer, "\"420102002\", \"420103\"", "2027-07-20", "2027-07-25");
		assertThat(outside.statusCode()).isEqualTo(400);
		assertThat(json(outside).get("detail").asString()).contains("江汉区").contains("不在").contains("管辖范围");

		HttpResponse<String> unknown = declare(officer, "\"429999\"", "2027-07-20", "2027-07-25");
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(json(unknown).get("detail").asString()).contains("429999").contains("不存在");

		HttpResponse<String> none = declare(officer, "", "2027-07-20", "2027-07-25");
		assertThat(none.statusCode()).isEqualTo(400);
		assertThat(json(none).get("detail").asString()).contains("请至少选择一个区划");

		HttpResponse<String> other = officer.json("POST", "/api/v1/events",
				"{\"kind\":\"OTHER\",\"regionCodes\":[\"420102\"],\"from\":\"2027-07-20\",\"to\":\"2027-07-25\"}");
		assertThat(other.statusCode()).isEqualTo(400);
		assertThat(json(other).get("detail").asString()).contains("事件名称");
		assertThat(events()).isEqualTo(before);
	}

	@Test
	void anEventEndedEarlyIsEndedOnceAndAudited() {
		java.time.LocalDate today = java.time.LocalDate.now(org.bangfu.shared.BusinessClock.zone());
		long id = json(declare(officer, "\"420102\"", today.minusDays(1).toString(), today.plusDays(30).toString())).get("id")
			.asLong();
		assertThat(officer.json("POST", "/api/v1/events/" + id + "/end", "{\"reason\":\"预警解除\"}").statusCode()).isEqualTo(200);
		JsonNode ended = json(officer.get("/api/v1/events/" + id));
		assertThat(ended.get("status").asString()).isEqualTo("ENDED");
		assertThat(ended.get("endReason").asString()).isEqualTo("预警解除");
		assertThat(officer.json("POST", "/api/v1/events/" + id + "/end", "{}").statusCode()).isEqualTo(409);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'event.end' AND object_id = ?")
			.param(Long.toString(id))
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(json(officer.get("/api/v1/events?current=true")).valueStream().map(e -> e.get("id").asLong()))
			.doesNotContain(id);
	}

	@Test
	void rolesDecideWhoReadsAndWhoDeclares() {
		Http auditor = Http.basic(port, fixtures.user(county.id(), Role.AUDITOR), Fixtures.PASSWORD);
		Http caseworker = Http.basic(port, fixtures.user(county.id(), Role.CASEWORKER), Fixtures.PASSWORD);
		assertThat(declare(auditor, "\"420102\"", "2027-07-20", "2027-07-25").statusCode()).isEqualTo(403);
		assertThat(auditor.get("/api/v1/events").statusCode()).isEqualTo(200);
		assertThat(caseworker.get("/api/v1/events").statusCode()).isEqualTo(403);
		Http siblingOfficer = Http.basic(port, fixtures.user(sibling.id(), Role.FINANCE_OFFICER), Fixtures.PASSWORD);
		long id = json(declare(officer, "\"420102\"", "2027-07-20", "2027-07-25")).get("id").asLong();
		assertThat(siblingOfficer.get("/api/v1/events/" + id + "/reach").statusCode()).isEqualTo(404);
		assertThat(siblingOfficer.json("POST", "/api/v1/events/" + id + "/end", "{}").statusCode()).isEqualTo(404);
	}

	@Test
	void schedulesResolveOverTheApiAndBadSpecsAnswer400() {
		JsonNode dates = json(officer.get("/api/v1/schedules/occurrences?spec=lunar%2009-09&year=2026"));
		assertThat(dates.get(0).get("date").asString()).isEqualTo("2026-10-18");
		assertThat(dates.get(0).get("descriptionZh").asString()).isEqualTo("农历九月初九（重阳节）");
		HttpResponse<String> bad = officer.get("/api/v1/schedules/occurrences?spec=weekly%203&year=2026");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(json(bad).get("detail").asString()).contains("无法识别的发放时间");
		HttpResponse<String> order = officer.get("/api/v1/schedules/occurrences?spec=monthly%205&from=2026-05-01&to=2026-04-01");
		assertThat(order.statusCode()).isEqualTo(400);
		assertThat(json(order).get("detail").asString()).contains("晚于结束日期");
		// plan 6: 腊月二十五 of lunar 2030 is Saturday 2031-01-18: paid by the Friday before
		JsonNode deadline = json(officer.get("/api/v1/schedules/occurrences?spec=lunar%2012-25%20before&year=2031"));
		assertThat(deadline.get(0).get("date").asString()).isEqualTo("2031-01-18");
		assertThat(deadline.get(0).get("payBy").asString()).isEqualTo("2031-01-17");
		assertThat(deadline.get(0).get("descriptionZh").asString()).isEqualTo("农历腊月二十五前");
		assertThat(officer.get("/v3/api-docs").body()).contains("/api/v1/events/{id}/reach")
			.contains("/api/v1/schedules/occurrences");
		// an event schedule falls on the declared events of its kind
		json(declare(officer, "\"420102003\"", "2031-07-20", "2031-07-21"));
		Http siblingOfficer = Http.basic(port, fixtures.user(sibling.id(), Role.FINANCE_OFFICER), Fixtures.PASSWORD);
		assertThat(declare(siblingOfficer, "\"420102004\"", "2031-07-22", "2031-07-23").statusCode()).isEqualTo(201);
		JsonNode onEvent = json(officer.get("/api/v1/schedules/occurrences?spec=event%20HEAT_ORANGE&year=2031"));
		assertThat(onEvent.valueStream().map(o -> o.get("descriptionZh").asString())).anySatisfy(d -> assertThat(d)
			.startsWith("高温橙色预警：一元街道"))
			.noneSatisfy(d -> assertThat(d).contains("车站街道"));
	}

}
