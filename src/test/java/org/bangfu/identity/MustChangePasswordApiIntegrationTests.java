package org.bangfu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.EnumSet;

import org.bangfu.shared.Role;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A user whose password an administrator set must change it before using the API with that
 * password: every call but "who am I" and the password change answers 403 with a message that
 * says what to do. API tokens are not passwords and keep working.
 */
@IntegrationTest
@Import(Fixtures.class)
class MustChangePasswordApiIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String INITIAL = "Initial-Pass-2026";

	static final String CHOSEN = "Chosen-Pass-2026!";

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Users users;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void basicCallsAreRefusedWithAClearMessageUntilThePasswordIsChangedThroughTheApi() {
		var org = fixtures.organisation("改密工会");
		String login = "first" + System.nanoTime() % 1000000;
		long userId = users.createSystemUser(login, "首次登录", org.id(), EnumSet.of(Role.CASEWORKER), INITIAL, true);
		Http basic = Http.basic(port, login, INITIAL);

		HttpResponse<String> refused = basic.get("/api/v1/households");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
		JsonNode problem = JSON.readTree(refused.body());
		assertThat(problem.path("code").asString()).isEqualTo("password.mustChange.api");
		assertThat(problem.path("detail").asString()).contains("请先修改初始密码").contains("POST /api/v1/me/password");
		HttpResponse<String> english = Http.basic(port, login, INITIAL).language("en").get("/api/v1/organisations");
		assertThat(english.statusCode()).isEqualTo(403);
		assertThat(JSON.readTree(english.body()).path("detail").asString()).startsWith("Change your initial password first");
		assertThat(basic.json("POST", "/api/v1/households", "{}").statusCode()).isEqualTo(403);

		HttpResponse<String> me = basic.get("/api/v1/me");
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(me.body()).path("login").asString()).isEqualTo(login);

		HttpResponse<String> wrong = basic.json("POST", "/api/v1/me/password",
				"{\"currentPassword\":\"Not-The-Pass-1\",\"newPassword\":\"" + CHOSEN + "\"}");
		assertThat(wrong.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(wrong.body()).path("errors").path("currentPassword").asString()).isEqualTo("当前密码不正确。");
		HttpResponse<String> simple = basic.json("POST", "/api/v1/me/password",
				"{\"currentPassword\":\"" + INITIAL + "\",\"newPassword\":\"short\"}");
		assertThat(simple.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(simple.body()).path("errors").path("newPassword").asString()).contains("密码至少");
		assertThat(users.mustChangePassword(userId)).isTrue();

		// an administrator's token for the same user is not a password: it works, but cannot change one
		String token = tokens.issue(fixtures.everything(), userId, "首次登录令牌", null).token();
		Http bearer = Http.bearer(port, token);
		assertThat(bearer.get("/api/v1/organisations").statusCode()).isEqualTo(200);
		HttpResponse<String> byToken = bearer.json("POST", "/api/v1/me/password",
				"{\"currentPassword\":\"" + INITIAL + "\",\"newPassword\":\"" + CHOSEN + "\"}");
		assertThat(byToken.statusCode()).isEqualTo(403);
		assertThat(JSON.readTree(byToken.body()).path("code").asString()).isEqualTo("password.change.basicOnly");

		HttpResponse<String> changed = basic.json("POST", "/api/v1/me/password",
				"{\"currentPassword\":\"" + INITIAL + "\",\"newPassword\":\"" + CHOSEN + "\"}");
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
		assertThat(users.mustChangePassword(userId)).isFalse();
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'user.changePassword' AND object_id = ?")
			.param("" + userId)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(basic.get("/api/v1/organisations").statusCode()).isEqualTo(401);
		Http renewed = Http.basic(port, login, CHOSEN);
		assertThat(renewed.get("/api/v1/organisations").statusCode()).isEqualTo(200);
		assertThat(renewed.get("/api/v1/households").statusCode()).isEqualTo(200);
		// and the pages no longer send the user to the password form
		assertThat(Http.loggedIn(port, login, CHOSEN).get("/").statusCode()).isEqualTo(200);
	}

	@Test
	void theOpenApiDocumentDescribesThePasswordChange() {
		assertThat(Http.browser(port).get("/v3/api-docs").body()).contains("/api/v1/me/password")
			.contains("password.mustChange.api");
	}

	@Test
	void aPasswordResetByAnAdministratorBlocksTheApiAgain() {
		var org = fixtures.organisation("重置工会");
		String login = fixtures.user(org.id(), Role.REVIEWER);
		Http before = Http.basic(port, login, Fixtures.PASSWORD);
		assertThat(before.get("/api/v1/households").statusCode()).isEqualTo(200);
		Http admin = Http.basic(port, "admin", IntegrationTest.ADMIN_PASSWORD);
		long id = fixtures.userId(login);
		assertThat(admin.json("POST", "/api/v1/users/" + id + "/reset-password", "{\"password\":\"" + INITIAL + "\"}")
			.statusCode()).isEqualTo(204);
		Http after = Http.basic(port, login, INITIAL);
		assertThat(after.get("/api/v1/households").statusCode()).isEqualTo(403);
		assertThat(after.get("/api/v1/me").statusCode()).isEqualTo(200);
	}

}
