package org.bangfu.organisation;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Regions are reference data everybody reads (API, browser, cascade picker). Importing village
 * codes changes them for the whole platform, so only an administrator of the root organisation
 * may: an administrator of a county union must not rename villages of other provinces.
 */
@IntegrationTest
@Import(Fixtures.class)
class RegionAccessMatrixIntegrationTests {

	static final EnumSet<Role> EVERYONE = EnumSet.allOf(Role.class);

	static final EnumSet<Role> NOBODY = EnumSet.noneOf(Role.class);

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	static AccessMatrix regionMatrix() {
		return new AccessMatrix()
			.endpoint("GET", "/api/v1/regions", null).allow(EVERYONE, 200, 200)
			.endpoint("GET", "/api/v1/regions?parent=4201", null).allow(EVERYONE, 200, 200)
			.endpoint("GET", "/api/v1/regions/420102", null).allow(EVERYONE, 200, 200)
			.endpoint("GET", "/api/v1/regions/420102002/lineage", null).allow(EVERYONE, 200, 200)
			.endpoint("GET", "/regions", null).allow(EVERYONE, 200, 200)
			.endpoint("GET", "/regions?parent=4201", null).allow(EVERYONE, 200, 200)
			.endpoint("GET", "/regions?q=江岸", null).allow(EVERYONE, 200, 200)
			.endpoint("GET", "/regions/picker?name=regionCode&code=420102", null).allow(EVERYONE, 200, 200)
			// the village import: refused to every role below the root, administrators included
			// (the root's administrator is checked on its own below)
			.endpoint("GET", "/regions/villages", null).allow(NOBODY, 200, 200)
			.endpoint("GET", "/regions/villages?job={job}", null).allow(NOBODY, 200, 404)
			.endpoint("POST", "/regions/villages", "").allow(NOBODY, 200, 200)
			.endpoint("GET", "/regions/villages/jobs/{job}", null).allow(NOBODY, 200, 404);
	}

	@Test
	void everyoneReadsRegionsButOnlyTheRootsAdministratorImportsVillages() {
		var parent = fixtures.organisation("区划矩阵上级");
		var own = fixtures.organisationUnder(parent.id(), "区划矩阵本级");
		var sibling = fixtures.organisationUnder(parent.id(), "区划矩阵兄弟");
		Map<Role, Caller> callers = new EnumMap<>(Role.class);
		for (Role role : Role.values()) {
			callers.put(role, new Caller(fixtures.user(own.id(), role), Fixtures.PASSWORD));
		}
		long ownJob = villageJob(own.id());
		long otherJob = villageJob(sibling.id());

		AccessMatrix matrix = regionMatrix();
		List<String> failures = matrix.check(port, callers::get, Map.of("job", "" + ownJob),
				Map.of("job", "" + otherJob));

		assertThat(matrix.rows()).hasSize(7 * 12);
		assertThat(failures).as("access matrix mismatches").isEmpty();
	}

	@Test
	void theRootsAdministratorOpensTheImportAndSeesTheLinkOthersDoNot() {
		long root = fixtures.everything().organisationId();
		Http rootAdmin = Http.loggedIn(port, fixtures.user(root, Role.ADMIN), Fixtures.PASSWORD);
		assertThat(rootAdmin.get("/regions").body()).contains("href=\"/regions/villages\"");
		HttpResponse<String> page = rootAdmin.get("/regions/villages");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("enctype=\"multipart/form-data\"");
		long job = villageJob(root);
		assertThat(rootAdmin.get("/regions/villages/jobs/" + job).statusCode()).isEqualTo(200);

		var county = fixtures.organisation("区划县工会");
		Http countyAdmin = Http.loggedIn(port, fixtures.user(county.id(), Role.ADMIN), Fixtures.PASSWORD);
		assertThat(countyAdmin.get("/regions").body()).doesNotContain("/regions/villages");
		HttpResponse<String> denied = countyAdmin.get("/regions/villages");
		assertThat(denied.statusCode()).isEqualTo(403);
		assertThat(denied.body()).contains("您没有权限");
	}

	/** A failed village import job of the organisation (written as finished, so no worker claims it). */
	private long villageJob(long organisationId) {
		return jdbc.sql("""
				INSERT INTO platform_job (kind, status, organisation_id, started_at, finished_at, error)
				VALUES ('regions.import-villages', 'FAILED', ?, now(), now(), 'test') RETURNING id""")
			.param(organisationId)
			.query(Long.class)
			.single();
	}

}
