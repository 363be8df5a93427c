package org.bangfu.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.bangfu.organisation.OrganisationView;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.shared.Role;
import org.bangfu.support.AccessMatrix;
import org.bangfu.support.AccessMatrix.Caller;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * Finance officers and administrators pay rosters: they record the payer and persons' own
 * accounts and create bank batches; nobody else may. A cycle or a household of a sibling
 * organisation does not exist for the caller.
 */
@IntegrationTest
class PayoutAccessMatrixIntegrationTests {

	static final EnumSet<Role> PAY = EnumSet.of(Role.ADMIN, Role.FINANCE_OFFICER);

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	Programs programs;

	@Autowired
	JdbcClient jdbc;

	@Test
	void onlyFinanceOfficersAndAdministratorsPayRosters() {
		OrganisationView parent = fixtures.organisation("代发矩阵上级");
		OrganisationView own = fixtures.organisationUnder(parent.id(), "代发矩阵本级");
		OrganisationView sibling = fixtures.organisationUnder(parent.id(), "代发矩阵兄弟");
		Map<Role, Caller> callers = new EnumMap<>(Role.class);
		for (Role role : Role.values()) {
			callers.put(role, new Caller(fixtures.user(own.id(), role), Fixtures.PASSWORD));
		}
		Map<String, String> ownTarget = target(own, "本级户主");
		Map<String, String> otherTarget = target(sibling, "兄弟户主");

		String account = "{\"bankName\":\"中国农业银行\",\"account\":\"6228480012345678\"}";
		AccessMatrix matrix = new AccessMatrix()
			.endpoint("PUT", "/api/v1/bank/payer", "{\"name\":\"某单位\",\"account\":\"1202020209000012345\"}").allow(PAY, 200, 200)
			.endpoint("GET", "/api/v1/bank/payer", null).allow(PAY, 200, 200)
			.endpoint("POST", "/api/v1/cycles/{cycle}/bank-batch", "{\"layoutId\":1}").allow(PAY, 409, 404)
			.endpoint("POST", "/api/v1/cycles/{cycle}/bank-reissue", "{}").allow(PAY, 409, 404)
			.endpoint("PUT", "/api/v1/households/{household}/members/{member}/bank-account", account).allow(PAY, 204, 404)
			.endpoint("GET", "/bank/payer", null).allow(PAY, 200, 200)
			.endpoint("GET", "/households/{household}/members/{member}/bank-account", null).allow(PAY, 200, 404);
		List<String> failures = matrix.check(port, callers::get, r -> ownTarget, r -> otherTarget);
		assertThat(matrix.rows()).hasSize(7 * 7);
		assertThat(failures).as("access matrix mismatches").isEmpty();
	}

	private Map<String, String> target(OrganisationView org, String head) {
		HouseholdView h = EventWorld.household(registry, org, EventWorld.DAZHI, head);
		long member = jdbc.sql("SELECT id FROM registry_member WHERE household_id = ?").param(h.id()).query(Long.class).single();
		Http officer = Http.basic(port, fixtures.user(org.id(), Role.FINANCE_OFFICER), Fixtures.PASSWORD);
		long program = programs.active("plan10-heating").orElseThrow().id();
		var res = officer.json("POST", "/api/v1/cycles", "{\"programId\":" + program + ",\"label\":\"矩阵\",\"periodKey\":\"M"
				+ org.id() + "\",\"from\":\"" + LocalDate.of(2027, 11, 1) + "\",\"to\":\"2027-11-30\",\"payDate\":\"2027-11-30\"}");
		assertThat(res.statusCode()).as(res.body()).isIn(200, 201);
		String cycle = JsonMapper.builder().build().readTree(res.body()).get("id").asString();
		return Map.of("cycle", cycle, "household", Long.toString(h.id()), "member", Long.toString(member));
	}

}
