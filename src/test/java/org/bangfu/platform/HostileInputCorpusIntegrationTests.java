package org.bangfu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.assertj.core.api.SoftAssertions;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.registry.HouseholdCommands.FileHousehold;
import org.bangfu.registry.HouseholdCommands.HouseholdData;
import org.bangfu.registry.HouseholdCommands.MemberData;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.Households;
import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.HardshipCause;
import org.bangfu.registry.Vocabulary.Health;
import org.bangfu.registry.Vocabulary.HousingType;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A compact hostile-input corpus, one table: overlong text, control characters, SQL, HTML and script
 * where a format is expected, malformed and invalid UTF-8, huge numbers, negative money, malformed
 * dates and ids, deep nesting and path traversal in file names, posted to the household and case
 * APIs and the household form. Every row is answered with a 4xx whose message is in Chinese (the
 * caller's language), never a 500, and nothing of the organisation's register or cases changes.
 * A file name that climbs out of the store is not refused but kept as its last part (the content is
 * stored by id); the household form answers with itself and its errors next to the fields.
 */
@IntegrationTest
@Import(Fixtures.class)
class HostileInputCorpusIntegrationTests {

	static final String SQL = "'; DROP TABLE registry_household; --";

	static final String SCRIPT = "<script>alert(1)</script>";

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	JdbcClient jdbc;

	/** One hostile request: what it is, and how to send it. */
	record Row(String name, Function<Http, HttpResponse<String>> send) {
	}

	static String household(String household, String head) {
		return """
				{"household": {"fileNo": "%s", "regionCode": "%s", "address": "大智路 1 号", "phone": "13812345678",
				  "mainCause": "UNEMPLOYMENT", "categories": ["HARDSHIP_WORKER"], "housingType": "OWN", "vehicles": 0%s},
				 "head": {"name": "张建国", "idNumber": "%s", "relation": "HEAD", "employment": "LAID_OFF", "wage": 0%s}}
				""".formatted(Households.fileNo(), Households.TOWNSHIP, household,
				Households.idNumber(LocalDate.of(1971, 3, 4), true), head);
	}

	static Row filing(String name, String householdExtra, String headExtra) {
		return new Row(name, http -> http.json("POST", "/api/v1/households", household(householdExtra, headExtra)));
	}

	static Row raw(String name, String method, String path, String contentType, byte[] body) {
		return new Row(name, http -> http.send(http.request(path)
			.header("Content-Type", contentType)
			.method(method, HttpRequest.BodyPublishers.ofByteArray(body))
			.build()));
	}

	static Row get(String name, String path) {
		return new Row(name, http -> http.get(path));
	}

	List<Row> corpus(long householdId) {
		String openCase = "{\"type\": \"ASSISTANCE\", \"householdId\": %s, \"summary\": \"申请临时救助\"%s}";
		List<Row> rows = new ArrayList<>(List.of(
				// overlong text
				filing("overlong address", ", \"address\": \"" + "长".repeat(5000) + "\"", ""),
				filing("overlong file number", ", \"fileNo\": \"" + "F".repeat(300) + "\"", ""),
				filing("overlong name", "", ", \"name\": \"" + "名".repeat(300) + "\""),
				// SQL, HTML and script where a format is expected
				filing("SQL in the phone", ", \"phone\": \"13812345678" + SQL + "\"", ""),
				filing("SQL in the region code", ", \"regionCode\": \"" + SQL + "\"", ""),
				filing("script in the ID number", "", ", \"idNumber\": \"" + SCRIPT + "\""),
				filing("script in the bank account", ", \"bankAccount\": \"" + SCRIPT + "\"", ""),
				filing("SQL as a hardship cause", ", \"mainCause\": \"" + SQL + "\"", ""),
				// control characters
				filing("NUL in the address", ", \"address\": \"大智路\\u0000 1 号\"", ""),
				// huge numbers and negative money
				filing("savings of 1e400", ", \"savings\": 1e400", ""),
				filing("savings of 10^20 yuan", ", \"savings\": 100000000000000000000.00", ""),
				filing("negative savings", ", \"savings\": -0.01", ""),
				filing("negative wage", "", ", \"wage\": -5"),
				filing("wage with three decimals", "", ", \"wage\": 1.001"),
				filing("vehicles beyond an int", ", \"vehicles\": 99999999999", ""),
				filing("a disability grade of 10^9", "", ", \"health\": \"DISABLED\", \"disabilityGrade\": 1000000000"),
				// malformed bodies and bad unicode
				raw("invalid UTF-8", "POST", "/api/v1/households", "application/json",
						concat("{\"household\": {\"fileNo\": \"".getBytes(StandardCharsets.UTF_8), new byte[] { (byte) 0xC3, 0x28,
								(byte) 0xFF }, "\"}}".getBytes(StandardCharsets.UTF_8))),
				raw("truncated JSON", "POST", "/api/v1/households", "application/json",
						"{\"household\": {\"fileNo\": ".getBytes(StandardCharsets.UTF_8)),
				raw("nesting 5,000 deep", "POST", "/api/v1/households", "application/json",
						("{\"household\": " + "[".repeat(5000) + "]".repeat(5000) + "}").getBytes(StandardCharsets.UTF_8)),
				raw("XML instead of JSON", "POST", "/api/v1/households", "application/xml",
						"<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>".getBytes(StandardCharsets.UTF_8)),
				// malformed ids and dates
				get("an id that is not a number", "/api/v1/households/1%20OR%201=1"),
				get("an id beyond a long", "/api/v1/households/99999999999999999999"),
				get("an id of a household that does not exist", "/api/v1/households/9223372036854775807"),
				get("the 30th of February", "/api/v1/households/" + householdId + "/history?asOf=2026-02-30"),
				get("the year 99999", "/api/v1/households/" + householdId + "/history?asOf=99999-01-01"),
				get("SQL as the sort order", "/api/v1/households?sort=" + java.net.URLEncoder.encode(SQL, StandardCharsets.UTF_8)),
				get("script as the sort direction", "/api/v1/households?dir=" + java.net.URLEncoder.encode(SCRIPT, StandardCharsets.UTF_8)),
				get("a page number beyond an int", "/api/v1/households?page=99999999999"),
				new Row("a case for household '1 OR 1=1'", http -> http.json("POST", "/api/v1/cases",
						openCase.formatted("\"1 OR 1=1\"", ""))),
				new Row("a case asking a negative amount", http -> http.json("POST", "/api/v1/cases",
						openCase.formatted(householdId, ", \"requestedAmount\": -100"))),
				new Row("a case asking 10^15 yuan", http -> http.json("POST", "/api/v1/cases",
						openCase.formatted(householdId, ", \"requestedAmount\": 1000000000000000"))),
				new Row("an exit on the 45th of the 13th month", http -> http.json("POST", "/api/v1/cases",
						"{\"type\": \"EXIT\", \"householdId\": %d, \"summary\": \"脱困\", \"exitDate\": \"2026-13-45\"}"
							.formatted(householdId))),
				new Row("an overlong case summary", http -> http.json("POST", "/api/v1/cases",
						"{\"type\": \"ASSISTANCE\", \"householdId\": %d, \"summary\": \"%s\"}".formatted(householdId,
								"困".repeat(2001))))));
		return rows;
	}

	static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] p : parts) {
			out.writeBytes(p);
		}
		return out.toByteArray();
	}

	long written(long org) {
		return jdbc.sql("""
				SELECT (SELECT count(*) FROM registry_household WHERE organisation_id = :org)
				     + (SELECT count(*) FROM registry_member m JOIN registry_household h ON h.id = m.household_id
				        WHERE h.organisation_id = :org)
				     + (SELECT count(*) FROM cases_case WHERE organisation_id = :org)
				     + (SELECT count(*) FROM cases_document d JOIN cases_case c ON c.id = d.case_id
				        WHERE c.organisation_id = :org)""")
			.param("org", org)
			.query(Long.class)
			.single();
	}

	@Test
	void everyHostileInputIsAClear4xxInChineseAndWritesNothing() {
		OrganisationView org = fixtures.organisation("敌意输入测试");
		long householdId = registry.file(new Scope(org.id(), org.path()), new FileHousehold(null,
				new HouseholdData(Households.fileNo(), Households.TOWNSHIP, "大智路 2 号", null, HardshipCause.ILLNESS,
						List.of(), List.of(Category.HARDSHIP_WORKER), HousingType.OWN, null, null, 0, BigDecimal.ZERO, null,
						null, null, null),
				new MemberData("王守一", Households.idNumber(LocalDate.of(1968, 5, 6), true), Relation.HEAD, null, null,
						null, Employment.UNEMPLOYED, null, null, null, null, null, null, null, Health.HEALTHY, null, null,
						null, null, null, null, List.of())))
			.id();
		Http api = Http.basic(port, fixtures.user(org.id(), Role.CASEWORKER), Fixtures.PASSWORD);
		long before = written(org.id());
		SoftAssertions softly = new SoftAssertions();
		for (Row row : corpus(householdId)) {
			HttpResponse<String> res = row.send().apply(api);
			softly.assertThat(res.statusCode()).as(row.name() + ": " + abbreviate(res.body())).isBetween(400, 499);
			softly.assertThat(res.body()).as(row.name() + " answers in Chinese").containsPattern("\\p{IsHan}");
		}
		softly.assertAll();
		assertThat(written(org.id())).as("nothing written").isEqualTo(before);

		// a file name climbing out of the store is kept as its last part only (the content is stored by id)
		HttpResponse<String> opened = api.json("POST", "/api/v1/cases",
				"{\"type\": \"ASSISTANCE\", \"householdId\": %d, \"summary\": \"申请临时救助\"}".formatted(householdId));
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
		String caseId = tools.jackson.databind.json.JsonMapper.builder().build().readTree(opened.body()).path("id").asString();
		HttpResponse<String> upload = upload(api, caseId, "..%2F..\\..\\../../etc/cron.d/申请书.pdf");
		assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
		assertThat(upload.body()).contains("\"fileName\":\"申请书.pdf\"").doesNotContain("..");
	}

	static HttpResponse<String> upload(Http http, String caseId, String fileName) {
		String boundary = "----hostile" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nAPPLICATION\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return http.send(http.request("/api/v1/cases/" + caseId + "/documents")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	@Test
	void hostileFormInputAnswersWithTheFormAndItsErrorsInChineseAndWritesNothing() {
		OrganisationView org = fixtures.organisation("敌意表单测试");
		Http page = Http.loggedIn(port, fixtures.user(org.id(), Role.CASEWORKER), Fixtures.PASSWORD);
		long before = written(org.id());
		List<Map<String, String>> forms = List.of(
				Map.of("fileNo", "F".repeat(300), "regionCode", Households.TOWNSHIP, "head.name", "张三"),
				Map.of("fileNo", "F" + System.nanoTime(), "regionCode", SQL, "head.name", SCRIPT, "savings", "-1"),
				Map.of("fileNo", "F" + System.nanoTime(), "regionCode", Households.TOWNSHIP, "head.name", "张三",
						"savings", "1e400", "vehicles", "99999999999", "head.idNumber", "../../etc/passwd"));
		for (Map<String, String> form : forms) {
			page.get("/households/new");
			HttpResponse<String> res = page.form("/households", form);
			assertThat(res.statusCode()).as(form + ": " + abbreviate(res.body())).isLessThan(500).isNotEqualTo(302);
			assertThat(res.body()).as("the errors in Chinese").contains("lang=\"zh-CN\"").containsPattern("invalid-feedback|error-message")
				.doesNotContain(SCRIPT);
		}
		assertThat(written(org.id())).as("nothing written").isEqualTo(before);
	}

	static String abbreviate(String body) {
		return body == null || body.length() < 300 ? body : body.substring(0, 300) + "…";
	}

}
