package org.bangfu.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.shared.Role.ADMIN;
import static org.bangfu.shared.Role.APPROVER;
import static org.bangfu.shared.Role.AUDITOR;
import static org.bangfu.shared.Role.CASEWORKER;
import static org.bangfu.shared.Role.REVIEWER;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.bangfu.cases.CaseWorld.Family;
import org.bangfu.organisation.Organisations;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.shared.Role;
import org.bangfu.support.AccessMatrix;
import org.bangfu.support.AccessMatrix.Caller;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Every role against the case reads, aimed at a case of the caller's own organisation and at one
 * of a sibling: case users read, pairing cadres and finance officers do not, and a sibling's case
 * does not exist. (Writes are covered by the rule tests: role, level and four eyes per step.)
 */
@IntegrationTest
@Import(Fixtures.class)
class CasesAccessMatrixIntegrationTests {

	static final EnumSet<Role> READERS = EnumSet.of(ADMIN, CASEWORKER, REVIEWER, APPROVER, AUDITOR);

	static final EnumSet<Role> WORKERS = EnumSet.of(CASEWORKER, REVIEWER, APPROVER);

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Organisations organisations;

	@Autowired
	HouseholdRegistry registry;

	static AccessMatrix casesMatrix() {
		return new AccessMatrix()
			.endpoint("GET", "/api/v1/cases?view=all", null).allow(READERS, 200, 200)
			.endpoint("GET", "/api/v1/cases/{case}", null).allow(READERS, 200, 404)
			.endpoint("GET", "/api/v1/cases/{case}/documents", null).allow(READERS, 200, 404)
			.endpoint("GET", "/api/v1/cases/{case}/objections", null).allow(READERS, 200, 404)
			.endpoint("GET", "/api/v1/cases/{case}/archive.pdf", null).allow(READERS, 200, 404)
			.endpoint("GET", "/api/v1/notices", null).allow(READERS, 200, 200)
			.endpoint("GET", "/api/v1/notices/candidates", null).allow(READERS, 200, 200)
			.endpoint("GET", "/api/v1/chains", null).allow(READERS, 200, 200)
			.endpoint("GET", "/cases?view=all", null).allow(READERS, 200, 200)
			.endpoint("GET", "/cases/{case}", null).allow(READERS, 200, 404)
			.endpoint("GET", "/cases/new", null).allow(WORKERS, 200, 200)
			.endpoint("GET", "/notices", null).allow(READERS, 200, 200)
			.endpoint("GET", "/chains", null).allow(READERS, 200, 200)
			.endpoint("GET", "/checklists", null).allow(READERS, 200, 200)
			// only an administrator of the root organisation creates chains; these callers are not in it
			.endpoint("GET", "/chains/new", null).allow(EnumSet.noneOf(Role.class), 403, 403);
	}

	@Test
	void everyRoleGetsWhatTheMatrixSaysForOwnAndSiblingCases() {
		CaseWorld world = new CaseWorld(port, fixtures, organisations, registry);
		var parent = fixtures.organisation("矩阵上级");
		var own = fixtures.organisationUnder(parent.id(), "矩阵本级");
		var sibling = fixtures.organisationUnder(parent.id(), "矩阵兄弟");
		Map<Role, Caller> callers = new EnumMap<>(Role.class);
		for (Role role : Role.values()) {
			callers.put(role, new Caller(fixtures.user(own.id(), role), Fixtures.PASSWORD));
		}
		Family ownFamily = world.family(own, "矩阵甲");
		Family otherFamily = world.family(sibling, "矩阵乙");
		Http ownWorker = world.api(own.id(), CASEWORKER);
		Http otherWorker = world.api(sibling.id(), CASEWORKER);
		long ownCase = world.open(ownWorker, "NEW_FILING", ownFamily.id(), null).path("id").asLong();
		long otherCase = world.open(otherWorker, "NEW_FILING", otherFamily.id(), null).path("id").asLong();

		AccessMatrix matrix = casesMatrix();
		List<String> failures = matrix.check(port, callers::get, Map.of("case", "" + ownCase),
				Map.of("case", "" + otherCase));
		assertThat(matrix.rows()).hasSize(7 * 15);
		assertThat(failures).as("access matrix mismatches").isEmpty();
	}

}
