package org.bangfu.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;

import org.bangfu.organisation.OrganisationView;
import org.bangfu.shared.BusinessClock;
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
class HouseholdEconomicsApiIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	OrganisationView org;

	Http caseworker;

	long householdId;

	long headId;

	final LocalDate today = LocalDate.now(BusinessClock.zone());

	@BeforeEach
	void setUp() {
		org = fixtures.organisation("经济状况接口工会");
		caseworker = Http.basic(port, fixtures.user(org.id(), Role.CASEWORKER), Fixtures.PASSWORD);
		HttpResponse<String> res = caseworker.json("POST", "/api/v1/households",
				HouseholdApiIntegrationTests.fileJson(Households.fileNo(), Households.idNumber(today.minusYears(52), true)));
		assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
		JsonNode created = JSON.readTree(res.body());
		householdId = created.path("household").path("id").asLong();
		headId = created.path("household").path("members").path(0).path("id").asLong();
	}

	HttpResponse<String> post(String area, String json) {
		return caseworker.json("POST", "/api/v1/households/" + householdId + "/" + area, json);
	}

	long idOf(HttpResponse<String> res) {
		assertThat(res.statusCode()).as(res.body()).isIn(200, 201);
		return JSON.readTree(res.body()).path("id").asLong();
	}

	@Test
	void aYearlyFarmIncomeIsKeptAsEnteredAndTheMonthsSayHowTheyAreComputed() {
		int last = today.getYear() - 1;
		idOf(post("income", """
				{"memberId": %d, "kind": "FARMING", "period": "YEAR", "year": %d, "amount": 25000, "source": "VISIT", "note": "走访核实"}
				""".formatted(headId, last)));
		idOf(post("income", """
				{"memberId": %d, "kind": "OTHER", "period": "YEAR", "year": %d, "amount": 1339.98}""".formatted(headId, last)));
		idOf(post("income", """
				{"memberId": %d, "kind": "WAGE", "period": "MONTH", "year": %d, "month": %d, "amount": 700}
				""".formatted(headId, today.getYear(), today.getMonthValue())));
		JsonNode items = JSON.readTree(caseworker.get("/api/v1/households/" + householdId + "/income").body());
		assertThat(items).hasSize(3);
		JsonNode other = find(items, "OTHER");
		assertThat(other.path("amount").decimalValue()).isEqualByComparingTo("1339.98");
		assertThat(other.path("period").asText()).isEqualTo("YEAR");
		assertThat(find(items, "FARMING").path("source").asText()).isEqualTo("VISIT");
		JsonNode months = JSON.readTree(caseworker.get("/api/v1/households/" + householdId + "/income/months?end=" + last
				+ "-12&months=12").body());
		assertThat(months).hasSize(12);
		assertThat(months.path(0).path("month").asText()).isEqualTo(last + "-01");
		// (25,000 + 1,339.98) ÷ 12, exact to 10 decimals, never stored
		assertThat(months.path(0).path("amount").decimalValue()).isEqualByComparingTo("2194.9983333333");
		assertThat(months.path(0).path("shares")).hasSize(2);
		assertThat(months.path(0).path("shares").findValues("entered").stream()
			.map(v -> v.decimalValue().stripTrailingZeros().toPlainString())).containsExactlyInAnyOrder("25000", "1339.98");
		JsonNode thisMonth = JSON.readTree(caseworker.get("/api/v1/households/" + householdId + "/income/months").body());
		assertThat(thisMonth.path(11).path("month").asText()).isEqualTo(YearMonth.from(today).toString());
		assertThat(thisMonth.path(11).path("amount").decimalValue()).isEqualByComparingTo("700");
		assertThat(count("registry_income_item")).isEqualTo(3);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'household.economics.add' AND object_id = ?")
			.param(Long.toString(householdId)).query(Long.class).single()).isEqualTo(3);
	}

	@Test
	void badInputIsRefusedOnItsFieldAndWritesNothing() {
		YearMonth next = YearMonth.from(today).plusMonths(1);
		HttpResponse<String> future = post("income", """
				{"memberId": %d, "kind": "WAGE", "period": "MONTH", "year": %d, "month": %d, "amount": 700}
				""".formatted(headId, next.getYear(), next.getMonthValue()));
		assertThat(future.statusCode()).isEqualTo(400);
		assertThat(future.body()).contains("month");
		HttpResponse<String> fen = post("income", """
				{"memberId": %d, "kind": "WAGE", "period": "YEAR", "year": %d, "amount": 1.005}""".formatted(headId, today.getYear()));
		assertThat(fen.statusCode()).isEqualTo(400);
		idOf(post("income", """
				{"memberId": %d, "kind": "WAGE", "period": "YEAR", "year": %d, "amount": 9000}""".formatted(headId, today.getYear())));
		HttpResponse<String> twice = post("income", """
				{"memberId": %d, "kind": "WAGE", "period": "MONTH", "year": %d, "month": 1, "amount": 700}
				""".formatted(headId, today.getYear()));
		assertThat(twice.statusCode()).isEqualTo(400);
		assertThat(twice.body()).contains("period");
		HttpResponse<String> covered = post("sudden-costs", """
				{"kind": "ACCIDENT", "occurredOn": "%s", "amount": 100, "covered": 200}""".formatted(today));
		assertThat(covered.statusCode()).isEqualTo(400);
		assertThat(covered.body()).contains("covered");
		HttpResponse<String> car = post("assets", """
				{"kind": "VEHICLE", "value": 30000, "asOf": "%s"}""".formatted(today));
		assertThat(car.statusCode()).isEqualTo(400);
		HttpResponse<String> stranger = post("income", """
				{"memberId": 1, "kind": "WAGE", "period": "YEAR", "year": %d, "amount": 1}""".formatted(today.getYear()));
		assertThat(stranger.statusCode()).isEqualTo(400);
		assertThat(count("registry_income_item")).isEqualTo(1);
		assertThat(count("registry_sudden_cost")).isZero();
		assertThat(count("registry_asset")).isZero();
	}

	@Test
	void spendingCostsAndAssetsAreRecordedCorrectedAndDeletedWithTheirHistory() throws Exception {
		long medical = idOf(post("spending", """
				{"kind": "MEDICAL", "year": %d, "amount": 12000.50, "note": "住院自付", "evidence": "发票 0012"}""".formatted(today.getYear())));
		idOf(post("spending", """
				{"kind": "SCHOOLING", "year": %d, "amount": 3000}""".formatted(today.getYear())));
		long cost = idOf(post("sudden-costs", """
				{"kind": "DISASTER", "occurredOn": "%s", "amount": 50000, "covered": 20000, "note": "洪水"}""".formatted(today)));
		idOf(post("assets", """
				{"kind": "VEHICLE", "vehicleKind": "FARM", "value": 8000, "asOf": "%s", "description": "三轮车"}""".formatted(today)));
		idOf(post("assets", """
				{"kind": "EXTRA_HOME", "asOf": "%s"}""".formatted(today)));
		int version = JSON.readTree(caseworker.get("/api/v1/households/" + householdId).body()).path("household").path("version").asInt();
		Thread.sleep(5);
		HttpResponse<String> put = caseworker.json("PUT", "/api/v1/households/" + householdId + "/spending/" + medical, """
				{"kind": "MEDICAL", "year": %d, "amount": 11000.50, "note": "住院自付（更正）"}""".formatted(today.getYear()));
		long corrected = idOf(put);
		assertThat(corrected).isNotEqualTo(medical);
		assertThat(caseworker.delete("/api/v1/households/" + householdId + "/sudden-costs/" + cost).statusCode()).isEqualTo(204);
		assertThat(caseworker.delete("/api/v1/households/" + householdId + "/sudden-costs/" + cost).statusCode()).isEqualTo(404);
		JsonNode now = JSON.readTree(caseworker.get("/api/v1/households/" + householdId + "/economics").body());
		assertThat(now.path("spending")).hasSize(2);
		assertThat(now.path("spending").findValuesAsString("note")).contains("住院自付（更正）");
		assertThat(now.path("suddenCosts")).isEmpty();
		assertThat(now.path("assets")).hasSize(2);
		assertThat(now.path("assets").findValuesAsString("vehicleKind")).contains("FARM");
		// the writes go into the household's history and bump its version, like member changes
		JsonNode history = JSON.readTree(caseworker.get("/api/v1/households/" + householdId + "/history").body());
		assertThat(history.findValuesAsString("kind")).contains("economics.add", "economics.correct", "economics.delete");
		assertThat(JSON.readTree(caseworker.get("/api/v1/households/" + householdId).body()).path("household").path("version")
			.asInt()).isGreaterThan(version);
		// as of yesterday nothing was recorded yet; the rows are kept
		JsonNode yesterday = JSON.readTree(caseworker.get("/api/v1/households/" + householdId + "/economics?asOf="
				+ today.minusDays(1)).body());
		assertThat(yesterday.path("spending")).isEmpty();
		assertThat(jdbc.sql("SELECT count(*) FROM registry_spending WHERE household_id = ? AND retired_at IS NOT NULL")
			.param(householdId).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void anotherOrganisationsHouseholdDoesNotExistForTheCaller() {
		OrganisationView sibling = fixtures.organisation("兄弟经济工会");
		Http stranger = Http.basic(port, fixtures.user(sibling.id(), Role.CASEWORKER), Fixtures.PASSWORD);
		assertThat(stranger.get("/api/v1/households/" + householdId + "/income").statusCode()).isEqualTo(404);
		assertThat(stranger.json("POST", "/api/v1/households/" + householdId + "/spending", """
				{"kind": "MEDICAL", "year": %d, "amount": 1}""".formatted(today.getYear())).statusCode()).isEqualTo(404);
		Http auditor = Http.basic(port, fixtures.user(org.id(), Role.AUDITOR), Fixtures.PASSWORD);
		assertThat(auditor.get("/api/v1/households/" + householdId + "/spending").statusCode()).isEqualTo(200);
		assertThat(auditor.json("POST", "/api/v1/households/" + householdId + "/spending", """
				{"kind": "MEDICAL", "year": %d, "amount": 1}""".formatted(today.getYear())).statusCode()).isEqualTo(403);
	}

	@Test
	void theMembersCurrentMonthlyFiguresAreMirroredAsMonthlyItems() {
		HttpResponse<String> add = caseworker.json("POST", "/api/v1/households/" + householdId + "/members", """
				{"member": {"name": "李梅", "idNumber": "%s", "relation": "SPOUSE", "employment": "EMPLOYED", "wage": 700, "pension": 120.5}}
				""".formatted(Households.idNumber(today.minusYears(50), false)));
		assertThat(add.statusCode()).as(add.body()).isEqualTo(201);
		long spouse = JSON.readTree(add.body()).path("id").asLong();
		JsonNode items = JSON.readTree(caseworker.get("/api/v1/households/" + householdId + "/income").body());
		assertThat(items).hasSize(2);
		assertThat(items.findValuesAsString("source")).containsOnly("FORM");
		assertThat(items.findValuesAsString("period")).containsOnly("MONTH");
		HttpResponse<String> change = caseworker.json("PUT", "/api/v1/households/" + householdId + "/members/" + spouse, """
				{"member": {"name": "李梅", "relation": "SPOUSE", "employment": "EMPLOYED", "wage": 800}}""");
		assertThat(change.statusCode()).as(change.body()).isEqualTo(200);
		JsonNode after = JSON.readTree(caseworker.get("/api/v1/households/" + householdId + "/income").body());
		assertThat(after).singleElement().satisfies(i -> assertThat(i.path("amount").decimalValue()).isEqualByComparingTo("800"));
		JsonNode months = JSON.readTree(caseworker.get("/api/v1/households/" + householdId + "/income/months").body());
		assertThat(months.path(11).path("amount").decimalValue()).isEqualByComparingTo("800");
	}

	static JsonNode find(JsonNode items, String kind) {
		for (JsonNode i : items) {
			if (i.path("kind").asText().equals(kind)) {
				return i;
			}
		}
		throw new AssertionError(kind);
	}

	long count(String table) {
		return jdbc.sql("SELECT count(*) FROM " + table + " WHERE household_id = ?").param(householdId).query(Long.class).single();
	}

}
