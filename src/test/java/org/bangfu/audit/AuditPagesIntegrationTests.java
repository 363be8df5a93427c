package org.bangfu.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

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

/** What auditors (and only auditors) see of the audit log: the page, the export, the API, within their scope. */
@IntegrationTest
@Import(Fixtures.class)
class AuditPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	OrganisationView county;

	OrganisationView other;

	String marker;

	@BeforeEach
	void records() {
		county = fixtures.organisation("审计县工会");
		other = fixtures.organisation("审计邻县工会");
		marker = "M" + System.nanoTime();
		audit.record(new AuditEntry("test.scoped", "marker", marker, null, "clerk-county", county.id(), Map.of("n", 1)));
		audit.record(new AuditEntry("test.scoped", "marker", marker, null, "clerk-other", other.id(), Map.of("n", 2)));
		audit.record(new AuditEntry("test.scoped", "marker", marker, null, "system", null, Map.of("n", 3)));
	}

	@Test
	void aRootAuditorSeesRecordsWithTimeActorDetailAndAddress() {
		Http auditor = Http.loggedIn(port, rootAuditor(), Fixtures.PASSWORD);
		HttpResponse<String> page = auditor.get("/audit?objectType=organisation&objectId=" + county.id());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("审计日志")
			.as("actions and object types by name, the code only in the tooltip")
			.contains(">新建组织<").doesNotContain(">organisation.create<")
			.contains(">组织<").contains(">#" + county.id() + "<")
			.contains(county.name())
			.containsPattern(">\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}<")
			.doesNotContain("style=\"");

		HttpResponse<String> all = auditor.get("/audit?objectId=" + marker);
		assertThat(all.body()).contains("clerk-county").contains("clerk-other").contains(">system<");
	}

	@Test
	void anAuditorBelowTheRootSeesOnlyTheirSubtree() {
		String login = fixtures.user(county.id(), Role.AUDITOR);
		HttpResponse<String> page = Http.loggedIn(port, login, Fixtures.PASSWORD).get("/audit?objectId=" + marker);
		assertThat(page.body()).contains("clerk-county").doesNotContain("clerk-other").doesNotContain(">system<");

		HttpResponse<String> api = Http.basic(port, login, Fixtures.PASSWORD).get("/api/v1/audit?objectId=" + marker);
		assertThat(api.statusCode()).isEqualTo(200);
		assertThat(api.body()).contains("\"total\":1").contains("clerk-county").doesNotContain("clerk-other");
	}

	@Test
	void aMalformedDateIsExplainedNextToTheField() {
		Http auditor = Http.loggedIn(port, rootAuditor(), Fixtures.PASSWORD);
		HttpResponse<String> page = auditor.get("/audit?from=2026-13-45");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("is-invalid").contains("日期“2026-13-45”格式不对，应为 2026-11-28。");
		HttpResponse<String> export = auditor.get("/audit/export?from=2026-13-45");
		assertThat(export.statusCode()).isEqualTo(302);
		assertThat(export.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/audit?from=2026-13-45"));

		HttpResponse<String> api = Http.basic(port, rootAuditor(), Fixtures.PASSWORD)
			.language("en")
			.get("/api/v1/audit?to=yesterday");
		assertThat(api.statusCode()).isEqualTo(400);
		assertThat(api.body()).contains("The date \\\"yesterday\\\" is malformed").contains("\"to\"");
	}

	@Test
	void theDateFilterUsesBeijingDays() {
		Http api = Http.basic(port, rootAuditor(), Fixtures.PASSWORD);
		assertThat(api.get("/api/v1/audit?objectId=" + marker + "&from=2000-01-01&to=2099-12-31").body())
			.contains("\"total\":3");
		assertThat(api.get("/api/v1/audit?objectId=" + marker + "&to=2000-01-01").body()).contains("\"total\":0");
	}

	@Test
	void theExportIsExcelFriendlyNeutralisesFormulasAndIsItselfAudited() {
		audit.record(new AuditEntry("test.formula", "marker", marker, null, "=HYPERLINK(\"http://x\")", null, null));
		String login = rootAuditor();
		HttpResponse<byte[]> csv = Http.loggedIn(port, login, Fixtures.PASSWORD).getBytes("/audit/export?objectId=" + marker);
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
		assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("attachment"));
		byte[] body = csv.body();
		assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		String text = new String(body, StandardCharsets.UTF_8);
		assertThat(text).contains("操作人").contains("clerk-county").contains("'=HYPERLINK");
		assertThat(text.lines().filter(l -> l.contains(marker)).count()).isEqualTo(4);

		String exported = jdbc.sql("SELECT detail FROM audit_event WHERE action = 'audit.export' AND actor_login = ?")
			.param(login)
			.query(String.class)
			.single();
		assertThat(exported).contains(marker);

		HttpResponse<String> api = Http.basic(port, login, Fixtures.PASSWORD).get("/api/v1/audit/export?objectId=" + marker);
		assertThat(api.statusCode()).isEqualTo(200);
		assertThat(api.body()).contains("'=HYPERLINK");
	}

	@Test
	void theVerifyButtonAndTheApiReportAnIntactChain() {
		String login = rootAuditor();
		Http auditor = Http.loggedIn(port, login, Fixtures.PASSWORD);
		auditor.get("/audit");
		HttpResponse<String> verify = auditor.form("/audit/verify", Map.of());
		assertThat(verify.statusCode()).isEqualTo(302);
		assertThat(auditor.get("/audit").body()).contains("哈希链完整");

		HttpResponse<String> api = Http.basic(port, login, Fixtures.PASSWORD).get("/api/v1/audit/verify");
		assertThat(api.body()).contains("\"intact\":true").contains("\"firstBrokenId\":null");
	}

	@Test
	void administratorsAndCaseworkersMayNotReadTheAuditLog() {
		String caseworker = fixtures.user(county.id(), Role.CASEWORKER);
		String admin = fixtures.user(fixtures.everything().organisationId(), Role.ADMIN);
		for (String login : new String[] { admin, caseworker }) {
			Http browser = Http.loggedIn(port, login, Fixtures.PASSWORD);
			assertThat(browser.get("/audit").statusCode()).isEqualTo(403);
			assertThat(browser.get("/audit/export").statusCode()).isEqualTo(403);
			browser.get("/");
			assertThat(browser.form("/audit/verify", Map.of()).statusCode()).isEqualTo(403);
			Http api = Http.basic(port, login, Fixtures.PASSWORD);
			assertThat(api.get("/api/v1/audit").statusCode()).isEqualTo(403);
			assertThat(api.get("/api/v1/audit/export").statusCode()).isEqualTo(403);
			assertThat(api.get("/api/v1/audit/verify").statusCode()).isEqualTo(403);
		}
	}

	private String rootAuditor() {
		return fixtures.user(fixtures.everything().organisationId(), Role.AUDITOR);
	}

}
