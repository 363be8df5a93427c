package org.bangfu.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.bangfu.organisation.OrganisationCommands.CreateOrganisation;
import org.bangfu.organisation.OrganisationType;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.organisation.Organisations;
import org.bangfu.registry.HouseholdCommands.AddMember;
import org.bangfu.registry.HouseholdCommands.FileHousehold;
import org.bangfu.registry.HouseholdCommands.HouseholdData;
import org.bangfu.registry.HouseholdCommands.MemberData;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Households;
import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.HardshipCause;
import org.bangfu.registry.Vocabulary.Health;
import org.bangfu.registry.Vocabulary.HousingType;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.shared.Scope;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test world for cases: organisations at the right levels, households with real-looking personal
 * data (to prove notices never show it), documents, and the case API as a user would call it.
 */
final class CaseWorld {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R' };

	static final String DISEASE = "尿毒症";

	/** A household and the personal data a notice must never show. */
	record Family(long id, String fileNo, String headName, String headId, String spouseId, String phone, String bank,
			List<Long> memberIds) {
	}

	private final int port;

	private final Fixtures fixtures;

	private final Organisations organisations;

	private final HouseholdRegistry registry;

	CaseWorld(int port, Fixtures fixtures, Organisations organisations, HouseholdRegistry registry) {
		this.port = port;
		this.fixtures = fixtures;
		this.organisations = organisations;
		this.registry = registry;
	}

	OrganisationView org(Long parentId, String name, OrganisationType type, String region) {
		String unique = name + "-" + System.nanoTime() % 1000000;
		return organisations.create(fixtures.everything(), new CreateOrganisation("C" + System.nanoTime() % 100000000,
				unique, type, region, parentId == null ? fixtures.everything().organisationId() : parentId));
	}

	Http api(long organisationId, org.bangfu.shared.Role... roles) {
		return Http.basic(port, fixtures.user(organisationId, roles), Fixtures.PASSWORD);
	}

	Family family(OrganisationView org, String headName) {
		ThreadLocalRandom r = ThreadLocalRandom.current();
		String phone = "139" + String.format("%08d", r.nextInt(100_000_000));
		String bank = "6228" + String.format("%015d", r.nextLong(1_000_000_000_000_000L));
		String headId = Households.idNumber(LocalDate.now().minusYears(48), true);
		String spouseId = Households.idNumber(LocalDate.now().minusYears(46), false);
		HouseholdData data = new HouseholdData(Households.fileNo(), Households.TOWNSHIP, "江岸区大智街道幸福里 3 栋", phone,
				HardshipCause.ILLNESS, List.of(), List.of(Category.HARDSHIP_WORKER), HousingType.RENTED,
				new BigDecimal("40.00"), new BigDecimal("9600.00"), 0, new BigDecimal("800.00"), null, "农业银行", bank, null);
		MemberData head = new MemberData(headName, headId, Relation.HEAD, "汉族", null, null, Employment.LAID_OFF, null,
				phone, BigDecimal.ZERO, null, null, null, null, Health.MAJOR_ILLNESS, DISEASE, null, null, null, null, null,
				List.of());
		Scope scope = new Scope(org.id(), org.path());
		HouseholdView h = registry.file(scope, new FileHousehold(null, data, head));
		registry.addMember(scope, h.id(), new AddMember(new MemberData("李秀英", spouseId, Relation.SPOUSE, "汉族", null, null,
				Employment.EMPLOYED, "保洁公司", null, new BigDecimal("700"), null, null, null, null, null, null, null, null,
				null, null, null, List.of())));
		HouseholdView after = registry.find(scope, h.id()).orElseThrow();
		return new Family(h.id(), h.fileNo(), headName, headId, spouseId, phone, bank,
				after.members().stream().map(m -> m.id()).toList());
	}

	JsonNode open(Http http, String type, long householdId, String extra) {
		HttpResponse<String> res = http.json("POST", "/api/v1/cases", """
				{"type": "%s", "householdId": %d, "summary": "因病致困，申请帮扶"%s}""".formatted(type, householdId,
				extra == null ? "" : ", " + extra));
		assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
		return JSON.readTree(res.body());
	}

	/** Uploads every document plan 18 asks of a new filing (identity papers for each member). */
	void uploadFilingDocuments(Http http, long caseId, Family f) {
		for (String kind : List.of("APPLICATION", "AUTHORISATION", "LABOUR_RELATION", "INCOME", "HARDSHIP")) {
			assertThat(upload(http, caseId, kind, null, kind.toLowerCase() + ".pdf", PDF).statusCode()).isEqualTo(201);
		}
		for (long member : f.memberIds()) {
			assertThat(upload(http, caseId, "IDENTITY", member, "id-" + member + ".png", PNG).statusCode()).isEqualTo(201);
		}
	}

	HttpResponse<String> upload(Http http, long caseId, String kind, Long memberId, String fileName, byte[] content) {
		String boundary = "----bangfu" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		part(body, boundary, "kind", kind);
		if (memberId != null) {
			part(body, boundary, "memberId", memberId.toString());
		}
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return http.send(http.request("/api/v1/cases/" + caseId + "/documents")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	private static void part(ByteArrayOutputStream body, String boundary, String name, String value) {
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
			.getBytes(StandardCharsets.UTF_8));
	}

	JsonNode get(Http http, long caseId) {
		HttpResponse<String> res = http.get("/api/v1/cases/" + caseId);
		assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
		return JSON.readTree(res.body());
	}

	int version(Http http, long caseId) {
		return get(http, caseId).path("case").path("version").asInt();
	}

	String status(Http http, long caseId) {
		return get(http, caseId).path("case").path("status").asText();
	}

	HttpResponse<String> submit(Http http, long caseId) {
		return http.json("POST", "/api/v1/cases/" + caseId + "/submit", "{\"version\": " + version(http, caseId) + "}");
	}

	HttpResponse<String> act(Http http, long caseId, String outcome, String comment, String form) {
		return http.json("POST", "/api/v1/cases/" + caseId + "/act", """
				{"version": %d, "outcome": "%s", "comment": %s, "form": %s}""".formatted(version(http, caseId), outcome,
				comment == null ? "null" : JSON.writeValueAsString(comment), form == null ? "{}" : form));
	}

	/** Acts and expects success. */
	void pass(Http http, long caseId, String form) {
		HttpResponse<String> res = act(http, caseId, "PASS", "同意", form);
		assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
	}

	/** A two-step chain (review, approval) for ASSISTANCE written directly, for tests that edit chains. */
	static long twoStepChain(org.springframework.jdbc.core.simple.JdbcClient jdbc, String code, String name, String nameEn,
			boolean active) {
		long id = jdbc.sql("""
				INSERT INTO cases_chain (code, name, name_en, case_type, notice_days, active)
				VALUES (?, ?, ?, 'ASSISTANCE', 5, ?) RETURNING id""")
			.params(code, name, nameEn, active)
			.query(Long.class)
			.single();
		jdbc.sql("""
				INSERT INTO cases_chain_step (chain_id, position, code, name, name_en, role, level, sla_days, form)
				VALUES (?, 1, 'review', '审核', 'Review', 'REVIEWER', 'ANY', 5, 'COMMENT'),
				       (?, 2, 'approval', '审批', 'Approval', 'APPROVER', 'ANY', 5, 'COMMENT')""")
			.params(id, id)
			.update();
		return id;
	}

	static final String VISIT = """
			{"visitDate": "%s", "visitors": "王主任、刘干事", "findings": "家中一人患尿毒症，靠透析维持，租房居住。"}"""
		.formatted(LocalDate.now(org.bangfu.shared.BusinessClock.zone()).minusDays(1));

	static final String MEETING = """
			{"meetingDate": "%s", "attendees": "张三\\n李四\\n王五", "votesFor": "3", "votesAgainst": "0", "decision": "同意纳入"}"""
		.formatted(LocalDate.now(org.bangfu.shared.BusinessClock.zone()).minusDays(1));

	static final String CROSS_CHECK = "{\"result\": \"MATCH\"}";

	/** Creates and publishes a notice for the cases with a one-day calendar period; returns its id. */
	long publishNotice(Http reviewer, String title, long... caseIds) {
		StringBuilder ids = new StringBuilder();
		for (long id : caseIds) {
			ids.append(ids.isEmpty() ? "" : ",").append(id);
		}
		HttpResponse<String> created = reviewer.json("POST", "/api/v1/notices", """
				{"title": "%s", "periodDays": 1, "workingDays": false, "caseIds": [%s],
				 "columns": ["NAME", "ORGANISATION", "REGION", "HOUSEHOLD_SIZE", "CASE_TYPE", "AMOUNT", "APPLIED_ON"]}"""
			.formatted(title, ids));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode n = JSON.readTree(created.body());
		HttpResponse<String> published = reviewer.json("POST", "/api/v1/notices/" + n.path("id").asLong() + "/publish",
				"{\"version\": " + n.path("version").asInt() + "}");
		assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
		return n.path("id").asLong();
	}

}
