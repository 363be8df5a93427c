package org.bangfu.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.shared.Role.ADMIN;
import static org.bangfu.shared.Role.AUDITOR;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.bangfu.shared.Role;
import org.bangfu.support.AccessMatrix;
import org.bangfu.support.AccessMatrix.Caller;
import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Every role against every identity endpoint, aimed once at the caller's own organisation and
 * once at a sibling organisation: writes are for administrators, reads for administrators and
 * auditors, and nothing outside the caller's subtree exists for them.
 */
@IntegrationTest
@Import(Fixtures.class)
class IdentityAccessMatrixIntegrationTests {

	static final EnumSet<Role> ADMINS = EnumSet.of(ADMIN);

	static final EnumSet<Role> READERS = EnumSet.of(ADMIN, AUDITOR);

	static final String NEW_USER_JSON = """
			{"login":"{unique}","name":"矩阵用户","organisationId":{org},"roles":["CASEWORKER"],"password":"Matrix-Pass-2026"}""";

	static final String UPDATE_USER_JSON = """
			{"name":"矩阵改名","phone":"13812345678","organisationId":{org},"roles":["CASEWORKER"]}""";

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ApiTokens tokens;

	static AccessMatrix identityMatrix() {
		return new AccessMatrix()
			// API
			.endpoint("GET", "/api/v1/me", null).allowAll(200, 200)
			.endpoint("GET", "/api/v1/users?organisationId={org}", null).allow(READERS, 200, 200)
			.endpoint("GET", "/api/v1/users/{user}", null).allow(READERS, 200, 404)
			.endpoint("POST", "/api/v1/users", NEW_USER_JSON).allow(ADMINS, 201, 400)
			.endpoint("PUT", "/api/v1/users/{user}", UPDATE_USER_JSON).allow(ADMINS, 200, 404)
			.endpoint("POST", "/api/v1/users/{user}/unlock", null).allow(ADMINS, 200, 404)
			.endpoint("POST", "/api/v1/users/{user}/reset-password", "{\"password\":\"Reset-Pass-2026\"}").allow(ADMINS, 204, 404)
			.endpoint("POST", "/api/v1/users/{user}/deactivate", null).allow(ADMINS, 200, 404)
			.endpoint("POST", "/api/v1/users/{user}/activate", null).allow(ADMINS, 200, 404)
			.endpoint("GET", "/api/v1/tokens", null).allow(ADMINS, 200, 200)
			.endpoint("POST", "/api/v1/tokens", "{\"userId\":{user},\"name\":\"矩阵令牌\"}").allow(ADMINS, 201, 404)
			.endpoint("DELETE", "/api/v1/tokens/{token}", null).allow(ADMINS, 204, 404)
			// pages
			.endpoint("GET", "/users?org={org}", null).allow(READERS, 200, 200)
			.endpoint("GET", "/users/new", null).allow(ADMINS, 200, 200)
			.endpoint("POST", "/users", "login={unique}&name=矩阵&organisationId={org}&roles=CASEWORKER&password=Matrix-Pass-2026")
			.allow(ADMINS, 302, 200)
			.endpoint("GET", "/users/{user}/edit", null).allow(ADMINS, 200, 404)
			.endpoint("POST", "/users/{user}", "name=矩阵&organisationId={org}&roles=CASEWORKER").allow(ADMINS, 302, 404)
			.endpoint("POST", "/users/{user}/unlock", null).allow(ADMINS, 302, 404)
			.endpoint("POST", "/users/{user}/reset-password", "password=Reset-Pass-2026").allow(ADMINS, 302, 404)
			.endpoint("POST", "/users/{user}/deactivate", null).allow(ADMINS, 302, 404)
			.endpoint("POST", "/users/{user}/activate", null).allow(ADMINS, 302, 404)
			.endpoint("GET", "/tokens", null).allow(ADMINS, 200, 200)
			.endpoint("POST", "/tokens", "userId={user}&name=矩阵令牌").allow(ADMINS, 200, 404)
			.endpoint("POST", "/tokens/{token}/revoke", null).allow(ADMINS, 302, 404);
	}

	@Test
	void everyRoleGetsWhatTheMatrixSaysForOwnAndSiblingOrganisations() {
		var parent = fixtures.organisation("矩阵上级");
		var own = fixtures.organisationUnder(parent.id(), "矩阵本级");
		var sibling = fixtures.organisationUnder(parent.id(), "矩阵兄弟");
		Map<Role, Caller> callers = new EnumMap<>(Role.class);
		for (Role role : Role.values()) {
			callers.put(role, new Caller(fixtures.user(own.id(), role), Fixtures.PASSWORD));
		}
		long ownUser = fixtures.userId(fixtures.user(own.id(), Role.CASEWORKER));
		long otherUser = fixtures.userId(fixtures.user(sibling.id(), Role.CASEWORKER));
		long ownToken = tokens.issue(fixtures.everything(), ownUser, "本级令牌", null).view().id();
		long otherToken = tokens.issue(fixtures.everything(), otherUser, "兄弟令牌", null).view().id();

		AccessMatrix matrix = identityMatrix();
		List<String> failures = matrix.check(port, callers::get,
				Map.of("org", "" + own.id(), "user", "" + ownUser, "token", "" + ownToken),
				Map.of("org", "" + sibling.id(), "user", "" + otherUser, "token", "" + otherToken));

		assertThat(matrix.rows()).hasSize(7 * 24);
		assertThat(failures).as("access matrix mismatches").isEmpty();
	}

}
