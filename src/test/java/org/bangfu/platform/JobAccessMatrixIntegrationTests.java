package org.bangfu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Background jobs, their pages and API, and the page shell (home, live counts, own password):
 * every role sees the jobs of its own subtree, and a sibling's job is not found.
 */
@IntegrationTest
@Import(Fixtures.class)
class JobAccessMatrixIntegrationTests {

	static final EnumSet<Role> EVERYONE = EnumSet.allOf(Role.class);

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	static AccessMatrix jobMatrix() {
		return new AccessMatrix()
			.endpoint("GET", "/api/v1/jobs", null).allow(EVERYONE, 200, 200)
			.endpoint("GET", "/api/v1/jobs/{job}", null).allow(EVERYONE, 200, 404)
			.endpoint("GET", "/jobs", null).allow(EVERYONE, 200, 200)
			.endpoint("GET", "/jobs/{job}", null).allow(EVERYONE, 200, 404)
			.endpoint("GET", "/jobs/{job}/progress", null).allow(EVERYONE, 200, 404)
			// the shell every role has
			.endpoint("GET", "/", null).allow(EVERYONE, 200, 200)
			.endpoint("GET", "/home/counts", null).allow(EVERYONE, 200, 200)
			.endpoint("GET", "/account/password", null).allow(EVERYONE, 200, 200)
			// a wrong current password: the form again with the error, the password unchanged
			.endpoint("POST", "/account/password", "currentPassword=Wrong-Pass-2026&newPassword=Other-Pass-2026")
			.allow(EVERYONE, 200, 200);
	}

	@Test
	void everyRoleSeesTheJobsOfItsSubtreeAndNoneOfTheSibling() {
		var parent = fixtures.organisation("任务矩阵上级");
		var own = fixtures.organisationUnder(parent.id(), "任务矩阵本级");
		var sibling = fixtures.organisationUnder(parent.id(), "任务矩阵兄弟");
		Map<Role, Caller> callers = new EnumMap<>(Role.class);
		for (Role role : Role.values()) {
			callers.put(role, new Caller(fixtures.user(own.id(), role), Fixtures.PASSWORD));
		}
		String ownKind = "test.matrix-own-" + System.nanoTime();
		String otherKind = "test.matrix-other-" + System.nanoTime();
		long ownJob = job(ownKind, own.id());
		long otherJob = job(otherKind, sibling.id());

		AccessMatrix matrix = jobMatrix();
		List<String> failures = matrix.check(port, callers::get, Map.of("job", "" + ownJob),
				Map.of("job", "" + otherJob));

		assertThat(matrix.rows()).hasSize(7 * 9);
		assertThat(failures).as("access matrix mismatches").isEmpty();
		for (Role role : Role.values()) {
			Http api = Http.basic(port, callers.get(role).login(), Fixtures.PASSWORD);
			assertThat(api.get("/api/v1/jobs").body()).as(role.name()).contains(ownKind).doesNotContain(otherKind);
		}
		Http page = Http.loggedIn(port, callers.get(Role.FINANCE_OFFICER).login(), Fixtures.PASSWORD);
		assertThat(page.get("/jobs").body()).contains(ownKind).doesNotContain(otherKind);
	}

	private long job(String kind, long organisationId) {
		return jdbc.sql("""
				INSERT INTO platform_job (kind, status, organisation_id, started_at, finished_at, result)
				VALUES (?, 'DONE', ?, now(), now(), 'ok') RETURNING id""")
			.params(kind, organisationId)
			.query(Long.class)
			.single();
	}

}
