package org.bangfu.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

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

@IntegrationTest
@Import(Fixtures.class)
class HouseholdEconomicsPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	Http caseworker;

	long householdId;

	long headId;

	final LocalDate today = LocalDate.now(BusinessClock.zone());

	@BeforeEach
	void setUp() {
		OrganisationView org = fixtures.organisation("经济状况页面工会");
		caseworker = Http.loggedIn(port, fixtures.user(org.id(), Role.CASEWORKER), Fixtures.PASSWORD);
		caseworker.get("/households/new");
		Map<String, String> f = new HashMap<>();
		f.put("fileNo", Households.fileNo());
		f.put("regionCode", Households.TOWNSHIP);
		f.put("head.name", "王大山");
		f.put("head.idNumber", Households.idNumber(LocalDate.of(1968, 4, 4), true));
		f.put("head.relation", "HEAD");
		HttpResponse<String> res = caseworker.form("/households", f);
		assertThat(res.statusCode()).as(res.body()).isEqualTo(302);
		String location = res.headers().firstValue("Location").orElseThrow();
		householdId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		headId = jdbc.sql("SELECT id FROM registry_member WHERE household_id = ?").param(householdId).query(Long.class).single();
	}

	String page() {
		HttpResponse<String> res = caseworker.get("/households/" + householdId + "/economics");
		assertThat(res.statusCode()).isEqualTo(200);
		return res.body();
	}

	@Test
	void aYearlyFarmIncomeAndAMedicalExpenseAreRecordedOnThePageAndShownWithHowTheyAreComputed() {
		assertThat(caseworker.get("/households/" + householdId).body()).contains("id=\"economics-tab\"");
		assertThat(page()).contains("id=\"income-chart\"").contains("尚未登记");
		HttpResponse<String> saved = caseworker.form("/households/" + householdId + "/economics/income", Map.of(
				"memberId", Long.toString(headId), "kind", "FARMING", "period", "YEAR", "year", Integer.toString(today.getYear()),
				"month", "", "amount", "25,000", "source", "VISIT"));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		HttpResponse<String> medical = caseworker.form("/households/" + householdId + "/economics/spending", Map.of(
				"kind", "MEDICAL", "year", Integer.toString(today.getYear()), "amount", "8600.40", "evidence", "住院发票"));
		assertThat(medical.statusCode()).as(medical.body()).isEqualTo(302);
		String body = page();
		assertThat(body).contains("年收入 ¥25,000.00 ÷ 12").contains("¥2,083.33").contains("农业经营收入").contains("走访")
			.contains("id=\"spent-MEDICAL\">¥8,600.40").contains("id=\"spent-total\">¥8,600.40").contains("住院发票")
			.contains("<rect");
		assertThat(jdbc.sql("SELECT amount FROM registry_income_item WHERE household_id = ?").param(householdId)
			.query(java.math.BigDecimal.class).single()).isEqualByComparingTo("25000.00");
	}

	@Test
	void badInputGetsAMessageNextToItsFieldAndNothingIsWritten() {
		page();
		HttpResponse<String> res = caseworker.form("/households/" + householdId + "/economics/income", Map.of(
				"memberId", Long.toString(headId), "kind", "WAGE", "period", "MONTH", "year", Integer.toString(today.getYear()),
				"month", Integer.toString(today.getMonthValue()), "amount", "700.123"));
		assertThat(res.statusCode()).isEqualTo(200);
		assertThat(res.body()).contains("金额最多两位小数").contains("is-invalid").contains("value=\"700.123\"");
		HttpResponse<String> cost = caseworker.form("/households/" + householdId + "/economics/sudden-costs", Map.of(
				"kind", "ACCIDENT", "occurredOn", today.toString(), "amount", "100", "covered", "150"));
		assertThat(cost.body()).contains("保险或他人承担的部分不能超过金额");
		HttpResponse<String> noKind = caseworker.form("/households/" + householdId + "/economics/spending", Map.of(
				"kind", "", "year", Integer.toString(today.getYear()), "amount", "1"));
		assertThat(noKind.body()).contains("请选择类别");
		HttpResponse<String> vehicle = caseworker.form("/households/" + householdId + "/economics/assets", Map.of(
				"kind", "VEHICLE", "value", "30000", "asOf", today.toString()));
		assertThat(vehicle.body()).contains("机动车请选择车辆类型");
		assertThat(jdbc.sql("""
				SELECT (SELECT count(*) FROM registry_income_item WHERE household_id = :id) + (SELECT count(*) FROM registry_spending
				WHERE household_id = :id) + (SELECT count(*) FROM registry_sudden_cost WHERE household_id = :id)
				+ (SELECT count(*) FROM registry_asset WHERE household_id = :id)""").param("id", householdId).query(Long.class).single())
			.isZero();
	}

	@Test
	void aRecordIsCorrectedAndDeletedAndTheAsOfViewStillShowsIt() throws Exception {
		page();
		caseworker.form("/households/" + householdId + "/economics/spending", Map.of(
				"kind", "SCHOOLING", "year", Integer.toString(today.getYear()), "amount", "3000"));
		long id = jdbc.sql("SELECT id FROM registry_spending WHERE household_id = ?").param(householdId).query(Long.class).single();
		String edit = caseworker.get("/households/" + householdId + "/economics?edit=spending:" + id).body();
		assertThat(edit).contains("value=\"3000.00\"").contains("name=\"replaces\"");
		HttpResponse<String> corrected = caseworker.form("/households/" + householdId + "/economics/spending", Map.of(
				"replaces", Long.toString(id), "kind", "SCHOOLING", "year", Integer.toString(today.getYear()), "amount", "3500"));
		assertThat(corrected.statusCode()).isEqualTo(302);
		assertThat(page()).contains("¥3,500.00").doesNotContain("¥3,000.00");
		long newId = jdbc.sql("SELECT id FROM registry_spending WHERE household_id = ? AND retired_at IS NULL").param(householdId)
			.query(Long.class).single();
		HttpResponse<String> deleted = caseworker.form("/households/" + householdId + "/economics/spending/" + newId + "/delete", Map.of());
		assertThat(deleted.statusCode()).isEqualTo(302);
		assertThat(page()).doesNotContain("¥3,500.00");
		assertThat(caseworker.get("/households/" + householdId + "?tab=history").body()).contains("经济状况更正").contains("经济状况删除");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'household.economics.delete' AND object_id = ?")
			.param(Long.toString(householdId)).query(Long.class).single()).isEqualTo(1);
	}

}
