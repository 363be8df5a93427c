package org.bangfu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.bangfu.organisation.OrganisationView;
import org.bangfu.registry.Households;
import org.bangfu.shared.Role;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** A NUL character in a search, a form field or a JSON text answers 400 with a message, never 500, and stores nothing. */
@IntegrationTest
@Import(Fixtures.class)
class ControlCharacterIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Test
	void aNulCharacterIsRefusedWithAClearAnswerOnPagesAndOverTheApi() {
		OrganisationView org = fixtures.organisation("空字符测试");
		String login = fixtures.user(org.id(), Role.CASEWORKER);

		Http page = Http.loggedIn(port, login, Fixtures.PASSWORD);
		HttpResponse<String> search = page.send(page.request("/households?name=%E5%BC%A0%00").header("Accept", "text/html").GET().build());
		assertThat(search.statusCode()).isEqualTo(400);
		assertThat(search.body()).as("the error page in Chinese").contains("lang=\"zh-CN\"").contains("id=\"error-message\"");
		page.get("/households/new");
		HttpResponse<String> form = page.form("/households", Map.of("fileNo", "NUL\0" + System.nanoTime(), "headName", "张\0三"));
		assertThat(form.statusCode()).isEqualTo(400);

		Http api = Http.basic(port, login, Fixtures.PASSWORD);
		HttpResponse<String> list = api.get("/api/v1/households?name=%00");
		assertThat(list.statusCode()).isEqualTo(400);
		assertThat(list.body()).contains("控制字符");
		String fileNo = "NUL" + System.nanoTime();
		HttpResponse<String> filed = api.json("POST", "/api/v1/households", """
				{"household": {"fileNo": "%s", "regionCode": "%s", "address": "大智路\\u0000 1 号", "phone": "13812345678",
				  "mainCause": "UNEMPLOYMENT", "categories": ["HARDSHIP_WORKER"], "housingType": "OWN", "vehicles": 0},
				 "head": {"name": "张建国", "idNumber": "%s", "relation": "HEAD", "employment": "LAID_OFF", "wage": 0}}
				""".formatted(fileNo, Households.TOWNSHIP, Households.idNumber(java.time.LocalDate.of(1970, 1, 1), true)));
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(400);
		assertThat(api.get("/api/v1/households?fileNo=" + fileNo).body()).doesNotContain(fileNo);
	}

}
