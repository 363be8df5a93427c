package org.bangfu.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.shared.Role.AUDITOR;

import java.net.http.HttpResponse;
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

import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log is for auditors only (administrators included are refused: separation of
 * duties), and an auditor reads only what was done in their own subtree: a record made in a
 * sibling organisation is filtered away, never "forbidden", so searching for it finds nothing.
 */
@IntegrationTest
@Import(Fixtures.class)
class AuditAccessMatrixIntegrationTests {

	static final EnumSet<Role> AUDITORS = EnumSet.of(AUDITOR);

	static final String FILTER = "objectType=matrix.probe&objectId={probe}";

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	AuditLog audit;

	static AccessMatrix auditMatrix() {
		return new AccessMatrix()
			.endpoint("GET", "/api/v1/audit?" + FILTER, null).allow(AUDITORS, 200, 200)
			.endpoint("GET", "/api/v1/audit/export?" + FILTER, null).allow(AUDITORS, 200, 200)
			.endpoint("GET", "/api/v1/audit/verify", null).allow(AUDITORS, 200, 200)
			.endpoint("GET", "/audit?" + FILTER, null).allow(AUDITORS, 200, 200)
			.endpoint("GET", "/audit/export?" + FILTER, null).allow(AUDITORS, 200, 200)
			.endpoint("POST", "/audit/verify", null).allow(AUDITORS, 302, 302);
	}

	@Test
	void onlyAuditorsReadTheLogAndOnlyWhatHappenedInTheirSubtree() {
		var parent = fixtures.organisation("审计矩阵上级");
		var own = fixtures.organisationUnder(parent.id(), "审计矩阵本级");
		var sibling = fixtures.organisationUnder(parent.id(), "审计矩阵兄弟");
		Map<Role, Caller> callers = new EnumMap<>(Role.class);
		for (Role role : Role.values()) {
			callers.put(role, new Caller(fixtures.user(own.id(), role), Fixtures.PASSWORD));
		}
		String ownProbe = probe(own.id());
		String otherProbe = probe(sibling.id());

		AccessMatrix matrix = auditMatrix();
		List<String> failures = matrix.check(port, callers::get, Map.of("probe", ownProbe),
				Map.of("probe", otherProbe));

		assertThat(matrix.rows()).hasSize(7 * 6);
		assertThat(failures).as("access matrix mismatches").isEmpty();

		Http auditor = Http.basic(port, callers.get(AUDITOR).login(), Fixtures.PASSWORD);
		assertThat(total(auditor, ownProbe)).isEqualTo(1);
		assertThat(total(auditor, otherProbe)).isZero();
		HttpResponse<String> export = auditor.get("/api/v1/audit/export?objectType=matrix.probe");
		assertThat(export.body()).contains(ownProbe).doesNotContain(otherProbe);
		Http page = Http.loggedIn(port, callers.get(AUDITOR).login(), Fixtures.PASSWORD);
		assertThat(page.get("/audit?objectType=matrix.probe").body()).contains(ownProbe).doesNotContain(otherProbe);
		HttpResponse<String> adminTries = Http.basic(port, callers.get(Role.ADMIN).login(), Fixtures.PASSWORD)
			.get("/api/v1/audit?objectType=matrix.probe");
		assertThat(adminTries.body()).doesNotContain(ownProbe).contains("您没有权限");
	}

	/** A record made by somebody of the organisation; its object id is unique and returned. */
	private String probe(long organisationId) {
		String id = "probe-" + organisationId + "-" + System.nanoTime();
		audit.record(new AuditEntry("matrix.probe", "matrix.probe", id, null, "probe", organisationId, Map.of()));
		return id;
	}

	private static long total(Http http, String probe) {
		HttpResponse<String> res = http.get("/api/v1/audit?objectType=matrix.probe&objectId=" + probe);
		assertThat(res.statusCode()).isEqualTo(200);
		return JsonMapper.builder().build().readTree(res.body()).path("total").asLong();
	}

}
