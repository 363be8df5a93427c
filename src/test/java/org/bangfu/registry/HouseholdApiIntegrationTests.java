package org.bangfu.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;

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
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
@Import(Fixtures.class)
class HouseholdApiIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	OrganisationView org;

	Http caseworker;

	@BeforeEach
	void setUp() {
		org = fixtures.organisation("接口测试工会");
		caseworker = Http.basic(port, fixtures.user(org.id(), Role.CASEWORKER), Fixtures.PASSWORD);
	}

	static String fileJson(String fileNo, String idNumber) {
		return """
				{"household": {"fileNo": "%s", "regionCode": "%s", "address": "大智路 1 号", "phone": "13812345678",
				  "mainCause": "UNEMPLOYMENT", "secondaryCauses": ["SCHOOLING"], "categories": ["HARDSHIP_WORKER"],
				  "housingType": "RENTED", "annualRent": 9600, "vehicles": 0, "savings": 1200.5},
				 "head": {"name": "张建国", "idNumber": "%s", "relation": "HEAD", "employment": "LAID_OFF", "wage": 0}}
				""".formatted(fileNo, Households.TOWNSHIP, idNumber);
	}

	JsonNode file(Http http, String idNumber) {
		HttpResponse<String> res = http.json("POST", "/api/v1/households", fileJson(Households.fileNo(), idNumber));
		assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
		return JSON.readTree(res.body());
	}

	@Test
	void filesAddsMembersAndComputesFiguresWithoutEverShowingTheFullIdNumber() {
		LocalDate today = LocalDate.now();
		String head = Households.idNumber(today.minusYears(52), true);
		String spouse = Households.idNumber(today.minusYears(50), false);
		JsonNode created = file(caseworker, head);
		long id = created.path("household").path("id").asLong();
		HttpResponse<String> add = caseworker.json("POST", "/api/v1/households/" + id + "/members", """
				{"member": {"name": "李梅", "idNumber": "%s", "relation": "SPOUSE", "employment": "EMPLOYED", "wage": 700}}
				""".formatted(spouse.toLowerCase()));
		assertThat(add.statusCode()).as(add.body()).isEqualTo(201);
		caseworker.json("POST", "/api/v1/households/" + id + "/members", """
				{"member": {"name": "张伟", "idNumber": "%s", "relation": "SON", "employment": "STUDENT"}}
				""".formatted(Households.idNumber(today.minusYears(19), true)));
		HttpResponse<String> get = caseworker.get("/api/v1/households/" + id);
		JsonNode detail = JSON.readTree(get.body());
		assertThat(detail.path("figures").path("perCapitaMonthlyIncome").asText()).isEqualTo("233.33");
		assertThat(detail.path("figures").path("size").asInt()).isEqualTo(3);
		HttpResponse<String> list = caseworker.get("/api/v1/households?name=张");
		for (String body : new String[] { get.body(), list.body(), add.body() }) {
			assertThat(body).doesNotContain(head).doesNotContain(spouse).doesNotContain(spouse.toLowerCase());
		}
		assertThat(list.body()).contains(head.substring(0, 6) + "********" + head.substring(14)).contains("138****5678");
		assertThat(detail.path("household").path("members").get(0).path("sex").asText()).isEqualTo("M");
	}

	@Test
	void revealIsAuditedEachTimeAndRefusedToAuditorsAndPairingCadres() {
		String head = Households.idNumber(LocalDate.of(1970, 7, 7), true);
		JsonNode created = file(caseworker, head);
		long id = created.path("household").path("id").asLong();
		long memberId = created.path("household").path("members").get(0).path("id").asLong();
		String path = "/api/v1/households/" + id + "/members/" + memberId + "/reveal";
		long before = reveals(id);
		HttpResponse<String> res = caseworker.json("POST", path, null);
		assertThat(res.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(res.body()).path("idNumber").asText()).isEqualTo(head);
		caseworker.json("POST", path, null);
		assertThat(reveals(id)).isEqualTo(before + 2);
		for (Role role : new Role[] { Role.AUDITOR, Role.PAIRING_CADRE }) {
			Http other = Http.basic(port, fixtures.user(org.id(), role), Fixtures.PASSWORD);
			HttpResponse<String> denied = other.json("POST", path, null);
			assertThat(denied.statusCode()).isEqualTo(403);
			assertThat(denied.body()).doesNotContain(head);
		}
		assertThat(reveals(id)).isEqualTo(before + 2);
	}

	@Test
	void aSiblingOrganisationsHouseholdIsNotFoundThroughTheApi() {
		JsonNode created = file(caseworker, Households.idNumber(LocalDate.of(1981, 1, 1), true));
		long id = created.path("household").path("id").asLong();
		OrganisationView sibling = fixtures.organisation("兄弟工会");
		Http stranger = Http.basic(port, fixtures.user(sibling.id(), Role.CASEWORKER), Fixtures.PASSWORD);
		assertThat(stranger.get("/api/v1/households/" + id).statusCode()).isEqualTo(404);
		assertThat(stranger.get("/api/v1/households/" + id + "/history").statusCode()).isEqualTo(404);
		assertThat(stranger.json("POST", "/api/v1/households/" + id + "/close", "{\"reason\":\"DEATH\"}").statusCode()).isEqualTo(404);
		assertThat(JSON.readTree(stranger.get("/api/v1/households").body()).path("total").asLong()).isZero();
	}

	@Test
	void cadresAndAuditorsSeePhonesMaskedAndNoDiseaseAsInExports() {
		long id = file(caseworker, Households.idNumber(LocalDate.now().minusYears(44), true)).path("household").path("id").asLong();
		HttpResponse<String> add = caseworker.json("POST", "/api/v1/households/" + id + "/members", """
				{"member": {"name": "李梅", "idNumber": "%s", "relation": "SPOUSE", "employment": "UNEMPLOYED",
				  "phone": "13912345678", "health": "MAJOR_ILLNESS", "disease": "尿毒症"}}
				""".formatted(Households.idNumber(LocalDate.now().minusYears(42), false)));
		assertThat(add.statusCode()).as(add.body()).isEqualTo(201);
		assertThat(caseworker.get("/api/v1/households/" + id).body()).contains("13812345678", "13912345678", "尿毒症");
		for (Role role : new Role[] { Role.PAIRING_CADRE, Role.AUDITOR }) {
			Http reader = Http.basic(port, fixtures.user(org.id(), role), Fixtures.PASSWORD);
			for (String path : new String[] { "/api/v1/households/" + id, "/api/v1/households/" + id + "/history" }) {
				String body = reader.get(path).body();
				assertThat(body).as(role + " " + path).contains("138****5678", "139****5678")
					.doesNotContain("13812345678", "13912345678", "尿毒症");
			}
		}
	}

	@Test
	void invalidIdNumbersAndDuplicatesComeBackAsProblemsInTheCallersLanguage() {
		HttpResponse<String> bad = caseworker.json("POST", "/api/v1/households", fileJson(Households.fileNo(), "110105194912310021"));
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(bad.body()).path("errors").path("idNumber").asText()).contains("校验位");
		String id = Households.idNumber(LocalDate.of(1977, 7, 7), false);
		JsonNode first = file(caseworker, id);
		HttpResponse<String> dup = caseworker.language("en").json("POST", "/api/v1/households", fileJson(Households.fileNo(), id));
		assertThat(dup.statusCode()).isEqualTo(409);
		assertThat(JSON.readTree(dup.body()).path("detail").asText()).contains("already in another active household")
			.contains(first.path("household").path("fileNo").asText()).doesNotContain(id);
	}

	@Test
	void closeReopenAndHistoryAsOf() {
		JsonNode created = file(caseworker, Households.idNumber(LocalDate.of(1950, 5, 5), true));
		long id = created.path("household").path("id").asLong();
		HttpResponse<String> closed = caseworker.json("POST", "/api/v1/households/" + id + "/close", "{\"reason\":\"DEATH\",\"note\":\"去世\"}");
		assertThat(JSON.readTree(closed.body()).path("household").path("status").asText()).isEqualTo("CLOSED");
		HttpResponse<String> reopened = caseworker.json("POST", "/api/v1/households/" + id + "/reopen", "{}");
		assertThat(reopened.statusCode()).as("no paper reopening: a REOPEN case").isEqualTo(409);
		JsonNode history = JSON.readTree(caseworker.get("/api/v1/households/" + id + "/history").body());
		assertThat(history.size()).isEqualTo(2);
		assertThat(history.get(0).path("kind").asText()).isEqualTo("close");
		JsonNode asOf = JSON.readTree(caseworker.get("/api/v1/households/" + id + "/history?asOf=" + LocalDate.now().plusDays(1)).body());
		assertThat(asOf.get(0).path("after").path("status").asText()).isEqualTo("CLOSED");
		Http auditor = Http.basic(port, fixtures.user(org.id(), Role.AUDITOR), Fixtures.PASSWORD);
		assertThat(auditor.json("POST", "/api/v1/households/" + id + "/close", "{\"reason\":\"DEATH\"}").statusCode()).isEqualTo(403);
		assertThat(auditor.get("/api/v1/households/" + id).statusCode()).isEqualTo(200);
	}

	long reveals(long householdId) {
		return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'household.revealIdNumber' AND object_id = ?")
			.param(Long.toString(householdId)).query(Long.class).single();
	}

}
