package org.bangfu.exits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.bangfu.identification.StandardBasis;
import org.bangfu.identification.StandardCommands.AddStandard;
import org.bangfu.identification.StandardCommands.AddStandardKind;
import org.bangfu.identification.Standards;
import org.bangfu.organisation.OrganisationCommands.CreateOrganisation;
import org.bangfu.organisation.OrganisationType;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.organisation.Organisations;
import org.bangfu.registry.HouseholdCommands.FileHousehold;
import org.bangfu.registry.HouseholdCommands.HouseholdData;
import org.bangfu.registry.HouseholdCommands.MemberData;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.HardshipCause;
import org.bangfu.registry.Vocabulary.HousingType;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.registry.economics.EconomicsCommands.RecordIncome;
import org.bangfu.registry.economics.EconomicsVocabulary.IncomeKind;
import org.bangfu.registry.economics.EconomicsVocabulary.Period;
import org.bangfu.registry.economics.HouseholdEconomics;
import org.bangfu.shared.IdNumber;
import org.bangfu.shared.Scope;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test world for exits: a county union and a base union under it (the union exit chain's levels),
 * households of one or two people with income by month, an exit line of its own kind (so other
 * tests' standards are untouched), and the case API steps of the union exit chain.
 */
final class ExitWorld {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String TOWNSHIP = "420102002";

	static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	private static int seq;

	final OrganisationView county;

	final OrganisationView base;

	final Scope scope;

	final String lineKind;

	private final Fixtures fixtures;

	private final HouseholdRegistry registry;

	private final HouseholdEconomics economics;

	private final int port;

	ExitWorld(int port, Fixtures fixtures, Organisations organisations, HouseholdRegistry registry, HouseholdEconomics economics,
			Standards standards, String monthlyLine) {
		this.port = port;
		this.fixtures = fixtures;
		this.registry = registry;
		this.economics = economics;
		long n = System.nanoTime() % 100000000;
		this.county = organisations.create(fixtures.everything(), new CreateOrganisation("XC" + n, "县总工会" + n,
				OrganisationType.UNION, "420102", fixtures.everything().organisationId()));
		this.base = organisations.create(fixtures.everything(), new CreateOrganisation("XB" + n, "纺织厂工会" + n,
				OrganisationType.UNION, "420102", county.id()));
		this.scope = new Scope(county.id(), county.path());
		this.lineKind = "exit_line_" + n + "_" + (++seq);
		standards.addKind(new AddStandardKind(lineKind, StandardBasis.MONTH, "脱困测试线" + n, "Exit test line " + n));
		standards.add(fixtures.everything(), new AddStandard(lineKind, null, new BigDecimal(monthlyLine), StandardBasis.MONTH,
				LocalDate.of(2020, 1, 1), null, "test"));
	}

	Http api(long organisationId, org.bangfu.shared.Role... roles) {
		return Http.basic(port, fixtures.user(organisationId, roles), Fixtures.PASSWORD);
	}

	/** Sets the county's exit settings to this world's line through the API (an administrator). */
	void settings(int transitionMonths, int followUpMonths, int interval) {
		Http admin = api(county.id(), org.bangfu.shared.Role.ADMIN);
		HttpResponse<String> put = admin.json("PUT", "/api/v1/exit-settings", """
				{"lineKind": "%s", "transitionMonths": %d, "followUpMonths": %d, "followUpIntervalMonths": %d}"""
			.formatted(lineKind, transitionMonths, followUpMonths, interval));
		assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
	}

	/** A filed household of the base union: its head (48, laid off, or unable to work), one cause (unemployment). */
	HouseholdView household(String headName, boolean ableToWork) {
		String id = idNumber(LocalDate.now().minusYears(48));
		HouseholdData data = new HouseholdData("EX" + System.nanoTime() % 100000000 + "-" + (++seq), TOWNSHIP, "江岸区幸福里 5 栋",
				null, HardshipCause.UNEMPLOYMENT, List.of(), List.of(Category.HARDSHIP_WORKER), HousingType.RENTED,
				new BigDecimal("40.00"), null, 0, null, null, null, null, null);
		MemberData head = new MemberData(headName, id, Relation.HEAD, "汉族", null, null,
				ableToWork ? Employment.LAID_OFF : Employment.UNABLE, null, null, BigDecimal.ZERO, null, null, null, null,
				null, null, null, null, null, null, null, List.of());
		return registry.file(new Scope(base.id(), base.path()), new FileHousehold(null, data, head));
	}

	/** Records the head's wage of a month. */
	void income(HouseholdView h, YearMonth month, String amount) {
		long head = registry.find(scope, h.id()).orElseThrow().members().get(0).id();
		economics.recordIncome(scope, h.id(), new RecordIncome(head, IncomeKind.WAGE, Period.MONTH, month.getYear(),
				month.getMonthValue(), new BigDecimal(amount), null, null));
	}

	HttpResponse<String> upload(Http http, long caseId, String kind, String fileName) {
		String boundary = "----exits" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(PDF);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return http.send(http.request("/api/v1/cases/" + caseId + "/documents")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	JsonNode caseOf(Http http, long caseId) {
		return JSON.readTree(http.get("/api/v1/cases/" + caseId).body()).path("case");
	}

	void act(Http http, long caseId, String form) {
		HttpResponse<String> res = http.json("POST", "/api/v1/cases/" + caseId + "/act", """
				{"version": %d, "outcome": "PASS", "comment": "同意", "form": %s}"""
			.formatted(caseOf(http, caseId).path("version").asInt(), form == null ? "{}" : form));
		assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
	}

	void submit(Http http, long caseId) {
		HttpResponse<String> res = http.json("POST", "/api/v1/cases/" + caseId + "/submit",
				"{\"version\": " + caseOf(http, caseId).path("version").asInt() + "}");
		assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
	}

	void publishNotice(Http reviewer, long caseId) {
		HttpResponse<String> created = reviewer.json("POST", "/api/v1/notices", """
				{"title": "脱困公示", "periodDays": 1, "workingDays": false, "caseIds": [%d],
				 "columns": ["NAME", "ORGANISATION", "REGION", "HOUSEHOLD_SIZE", "CASE_TYPE", "APPLIED_ON"]}""".formatted(caseId));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode n = JSON.readTree(created.body());
		HttpResponse<String> published = reviewer.json("POST", "/api/v1/notices/" + n.path("id").asLong() + "/publish",
				"{\"version\": " + n.path("version").asInt() + "}");
		assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
	}

	private static String idNumber(LocalDate birth) {
		int r = java.util.concurrent.ThreadLocalRandom.current().nextInt(110000, 650000);
		String first17 = r + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
				+ String.format("%03d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1000));
		return first17 + IdNumber.checkChar(first17);
	}

}
