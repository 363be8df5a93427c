package org.bangfu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bangfu.organisation.OrganisationView;
import org.bangfu.shared.Role;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** API tokens: issued once, usable as Bearer, dead once revoked or expired. */
@IntegrationTest
@Import(Fixtures.class)
class TokenIntegrationTests {

	static final Pattern SECRET = Pattern.compile("id=\"token-secret\">(bf_[A-Za-z0-9_-]+)<");

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	OrganisationView org;

	String adminLogin;

	String robot;

	@BeforeEach
	void anAdministratorAndAMachineUser() {
		org = fixtures.organisation("令牌工会");
		adminLogin = fixtures.user(org.id(), Role.ADMIN);
		robot = fixtures.user(org.id(), Role.AUDITOR);
	}

	static void assertRefused(HttpResponse<String> res) {
		assertThat(res.statusCode()).isEqualTo(401);
		assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
		assertThat(Json.read(res.body()).path("code").asString()).isEqualTo("error.unauthenticated");
	}

	@Test
	void anAdministratorIssuesATokenOnThePageSeesItOnceAndRevokesIt() {
		Http admin = Http.loggedIn(port, adminLogin, Fixtures.PASSWORD);
		assertThat(admin.get("/tokens").body()).contains(robot);

		String issued = admin.form("/tokens", Map.of("userId", "" + fixtures.userId(robot), "name", "数据对接",
				"expiresAt", "")).body();
		assertThat(issued).contains("令牌已签发。请立即复制保存，它只显示这一次");
		Matcher m = SECRET.matcher(issued);
		assertThat(m.find()).isTrue();
		String token = m.group(1);

		JsonNode me = Json.read(Http.bearer(port, token).get("/api/v1/me").body());
		assertThat(me.path("login").asString()).isEqualTo(robot);

		String list = admin.get("/tokens").body();
		assertThat(list).doesNotContain(token).contains(token.substring(0, 8) + "…").contains("数据对接").contains("永不过期");
		long id = jdbc.sql("SELECT id FROM identity_api_token WHERE token_prefix = ? AND name = '数据对接'")
			.param(token.substring(0, 8))
			.query(Long.class)
			.single();
		assertThat(list).contains("data-confirm=\"确定吊销用户“" + robot + "”的令牌“数据对接”吗");

		assertThat(admin.form("/tokens/" + id + "/revoke", Map.of()).statusCode()).isEqualTo(302);
		assertThat(admin.get("/tokens").body()).contains("已吊销用户“" + robot + "”的令牌“数据对接”");
		assertRefused(Http.bearer(port, token).get("/api/v1/me"));
	}

	@Test
	void theIssueFormShowsErrorsNextToItsFields() {
		Http admin = Http.loggedIn(port, adminLogin, Fixtures.PASSWORD);
		admin.get("/tokens");
		String page = admin.form("/tokens", Map.of("userId", "" + fixtures.userId(robot), "name", "",
				"expiresAt", "2020-01-01")).body();
		assertThat(page).contains("<div class=\"invalid-feedback\">请填写令牌用途（最多 100 字）。</div>");
		assertThat(page).doesNotContain("id=\"token-secret\"");
		String past = admin.form("/tokens", Map.of("userId", "" + fixtures.userId(robot), "name", "过期",
				"expiresAt", "2020-01-01")).body();
		assertThat(past).contains("<div class=\"invalid-feedback\">到期时间不能早于现在。</div>");
	}

	@Test
	void theApiIssuesListsAndRevokesTokens() {
		Http admin = Http.basic(port, adminLogin, Fixtures.PASSWORD);
		long robotId = fixtures.userId(robot);
		HttpResponse<String> created = admin.json("POST", "/api/v1/tokens",
				"{\"userId\":%d,\"name\":\"夜间同步\",\"expiresAt\":\"2099-12-31T16:00:00Z\"}".formatted(robotId));
		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode body = Json.read(created.body());
		String token = body.path("token").asString();
		long id = body.path("details").path("id").asLong();
		assertThat(token).startsWith("bf_");
		assertThat(body.path("details").path("expiresAt").asString()).isEqualTo("2099-12-31T16:00:00Z");

		String list = admin.get("/api/v1/tokens").body();
		assertThat(list).contains("夜间同步").doesNotContain(token);
		assertThat(Http.bearer(port, token).get("/api/v1/users?size=1").statusCode()).isEqualTo(200);

		assertThat(admin.delete("/api/v1/tokens/" + id).statusCode()).isEqualTo(204);
		assertRefused(Http.bearer(port, token).get("/api/v1/me"));
	}

	@Test
	void anExpiredTokenIsRefused() {
		Http admin = Http.basic(port, adminLogin, Fixtures.PASSWORD);
		JsonNode body = Json.read(admin.json("POST", "/api/v1/tokens",
				"{\"userId\":%d,\"name\":\"短期\"}".formatted(fixtures.userId(robot))).body());
		String token = body.path("token").asString();
		assertThat(Http.bearer(port, token).get("/api/v1/me").statusCode()).isEqualTo(200);

		jdbc.sql("UPDATE identity_api_token SET expires_at = now() - interval '1 minute' WHERE id = ?")
			.param(body.path("details").path("id").asLong())
			.update();
		assertRefused(Http.bearer(port, token).get("/api/v1/me"));
	}

	@Test
	void aTokenRequestMustSayForWhomAndWhatFor() {
		HttpResponse<String> res = Http.basic(port, adminLogin, Fixtures.PASSWORD)
			.language("en")
			.json("POST", "/api/v1/tokens", "{\"name\":\"\"}");
		assertThat(res.statusCode()).isEqualTo(400);
		JsonNode errors = Json.read(res.body()).path("errors");
		assertThat(errors.path("userId").asString()).isEqualTo("Choose the user the token belongs to.");
		assertThat(errors.path("name").asString()).startsWith("Enter what the token is for");
	}

	@Test
	void aTokenForSomeoneOutsideTheSubtreeCannotBeIssued() {
		long stranger = fixtures.userId(fixtures.user(fixtures.organisation("外单位").id(), Role.CASEWORKER));
		HttpResponse<String> res = Http.basic(port, adminLogin, Fixtures.PASSWORD)
			.json("POST", "/api/v1/tokens", "{\"userId\":%d,\"name\":\"越权\"}".formatted(stranger));
		assertThat(res.statusCode()).isEqualTo(404);
		assertThat(jdbc.sql("SELECT count(*) FROM identity_api_token WHERE user_id = ?").param(stranger)
			.query(Long.class).single()).isZero();
	}

}
