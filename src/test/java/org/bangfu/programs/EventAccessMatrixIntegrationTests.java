package org.bangfu.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.bangfu.organisation.OrganisationView;
import org.bangfu.shared.Role;
import org.bangfu.support.AccessMatrix;
import org.bangfu.support.AccessMatrix.Caller;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.json.JsonMapper;

/**
 * Program administrators (reviewers, approvers), finance officers and administrators declare and
 * end events; auditors read them; caseworkers and pairing cadres see none of it. An event of a
 * sibling organisation does not exist for the caller.
 */
@IntegrationTest
class EventAccessMatrixIntegrationTests {

	static final EnumSet<Role> READ = EnumSet.of(Role.ADMIN, Role.REVIEWER, Role.APPROVER, Role.FINANCE_OFFICER,
			Role.AUDITOR);

	static final EnumSet<Role> DECLARE = EnumSet.of(Role.ADMIN, Role.REVIEWER, Role.APPROVER, Role.FINANCE_OFFICER);

	static final String BODY = "{\"kind\":\"FLOOD\",\"regionCodes\":[\"420102\"],\"from\":\"2027-06-01\",\"to\":\"2027-06-02\","
			+ "\"organisationId\":{org}}";

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Test
	void rolesAndSubtreesDecideWhoSeesAndDeclaresEvents() {
		OrganisationView parent = fixtures.organisation("事件矩阵上级");
		OrganisationView own = fixtures.organisationUnder(parent.id(), "事件矩阵本级");
		OrganisationView sibling = fixtures.organisationUnder(parent.id(), "事件矩阵兄弟");
		Map<Role, Caller> callers = new EnumMap<>(Role.class);
		for (Role role : Role.values()) {
			callers.put(role, new Caller(fixtures.user(own.id(), role), Fixtures.PASSWORD));
		}
		Http ownOfficer = Http.basic(port, fixtures.user(own.id(), Role.FINANCE_OFFICER), Fixtures.PASSWORD);
		Http siblingOfficer = Http.basic(port, fixtures.user(sibling.id(), Role.FINANCE_OFFICER), Fixtures.PASSWORD);
		Map<Role, Map<String, String>> ownTargets = new EnumMap<>(Role.class);
		Map<Role, Map<String, String>> otherTargets = new EnumMap<>(Role.class);
		for (Role role : Role.values()) {
			ownTargets.put(role, Map.of("event", declare(ownOfficer, own), "org", Long.toString(own.id())));
			otherTargets.put(role, Map.of("event", declare(siblingOfficer, sibling), "org", Long.toString(sibling.id())));
		}

		AccessMatrix matrix = new AccessMatrix()
			.endpoint("GET", "/api/v1/events", null).allow(READ, 200, 200)
			.endpoint("GET", "/api/v1/events/{event}", null).allow(READ, 200, 404)
			.endpoint("GET", "/api/v1/events/{event}/reach", null).allow(READ, 200, 404)
			.endpoint("GET", "/api/v1/schedules/occurrences?spec=lunar%2009-09&year=2027", null).allow(READ, 200, 200)
			.endpoint("POST", "/api/v1/events", BODY).allow(DECLARE, 201, 404)
			.endpoint("GET", "/programs/calendar?year=2027", null).allow(READ, 200, 200)
			.endpoint("GET", "/programs/events", null).allow(READ, 200, 200)
			.endpoint("GET", "/programs/events/{event}", null).allow(READ, 200, 404)
			.endpoint("GET", "/programs/events/new", null).allow(DECLARE, 200, 200)
			.endpoint("POST", "/api/v1/events/{event}/end", "{}").allow(DECLARE, 200, 404);
		List<String> failures = matrix.check(port, callers::get, ownTargets::get, otherTargets::get);
		assertThat(matrix.rows()).hasSize(7 * 10);
		assertThat(failures).as("access matrix mismatches").isEmpty();
	}

	private static String declare(Http officer, OrganisationView org) {
		var res = officer.json("POST", "/api/v1/events", BODY.replace("{org}", Long.toString(org.id())));
		assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
		return JsonMapper.builder().build().readTree(res.body()).get("id").asString();
	}

}
