package org.bangfu.identification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.bangfu.identification.internal.FactsQuery;
import org.bangfu.identification.internal.FactsTable;
import org.bangfu.identification.rules.Fact;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.registry.HouseholdCommands.AddMember;
import org.bangfu.registry.HouseholdCommands.CloseHousehold;
import org.bangfu.registry.HouseholdCommands.ExitHousehold;
import org.bangfu.registry.HouseholdCommands.FileHousehold;
import org.bangfu.registry.HouseholdCommands.RemoveMember;
import org.bangfu.registry.HouseholdCommands.UpdateHousehold;
import org.bangfu.registry.HouseholdCommands.UpdateMember;
import org.bangfu.registry.HouseholdCommands.HouseholdData;
import org.bangfu.registry.HouseholdCommands.MemberData;
import org.bangfu.registry.HouseholdImports;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Households;
import org.bangfu.registry.ImportView;
import org.bangfu.registry.MemberView;
import org.bangfu.registry.OnExisting;
import org.bangfu.registry.TemplateColumn;
import org.bangfu.registry.TemplateFile;
import org.bangfu.registry.Vocabulary.CloseReason;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.Health;
import org.bangfu.registry.Vocabulary.HousingType;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.registry.Vocabulary.Schooling;
import org.bangfu.shared.Scope;
import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The maintained facts table is the live facts query: after households are filed, edited
 * (household and members), imported, re-imported with changes, exited and closed through the
 * register, every open household's row equals the facts computed live from its file, closed
 * files have none, and a row knows the day a member's birthday changes its age facts.
 */
@IntegrationTest
@Import({ Fixtures.class, Places.class, Population.class })
class FactsTableIntegrationTests {

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	HouseholdImports imports;

	@Autowired
	FactsTable table;

	@Autowired
	Population population;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	OrganisationView org;

	Scope scope;

	LocalDate today;

	@BeforeEach
	void setUp() {
		org = fixtures.organisation("事实表");
		scope = new Scope(org.id(), fixtures.everything().path() + org.id() + "/");
		today = registry.today();
	}

	@Test
	void afterFilingEditingImportingExitingAndClosingTheTableEqualsTheLiveFacts() throws IOException {
		HouseholdView a = file("张", today.minusYears(45), Employment.LAID_OFF, "0");
		HouseholdView b = file("王", today.minusYears(70), Employment.RETIRED, "900");
		HouseholdView c = file("赵", today.minusYears(38), Employment.EMPLOYED, "2500");
		HouseholdView d = file("钱", today.minusYears(50), Employment.FLEXIBLE, "600");
		MemberView child = registry.addMember(scope, a.id(), new AddMember(Places.member("张小", today.minusYears(12), true,
				Relation.SON, Employment.STUDENT, "0", Health.HEALTHY, Schooling.PRIMARY)));
		MemberView spouse = registry.addMember(scope, a.id(), new AddMember(Places.member("李", today.minusYears(44), false,
				Relation.SPOUSE, Employment.EMPLOYED, "1500", Health.CHRONIC, null)));
		registry.addMember(scope, c.id(), new AddMember(Places.member("赵老", today.minusYears(81), false, Relation.MOTHER,
				Employment.RETIRED, "0", Health.MAJOR_ILLNESS, null)));
		assertTableEqualsLive("after filing and adding members");

		registry.updateMember(scope, a.id(), spouse.id(), new UpdateMember(Places.member("李", today.minusYears(44), false, Relation.SPOUSE,
				Employment.UNEMPLOYED, "0", Health.CHRONIC, null).withIdNumber("")));
		registry.removeMember(scope, a.id(), child.id(), new RemoveMember("迁出"));
		HouseholdView bNow = registry.find(scope, b.id()).orElseThrow();
		registry.update(scope, b.id(), new UpdateHousehold(bNow.version(), Places.household(Households.TOWNSHIP,
				new BigDecimal("7200.00"), HousingType.RENTED)));
		assertTableEqualsLive("after editing a member, removing one and changing the household");

		registry.exit(scope, c.id(), new ExitHousehold(today, "就业增收"));
		registry.close(scope, d.id(), new CloseHousehold(CloseReason.DEATH, null));
		assertTableEqualsLive("after an exit and a close");
		assertThat(rows()).containsKey(c.id()).doesNotContainKey(d.id());

		TemplateFile file = new TemplateFile();
		List<Map<TemplateColumn, String>> first = file.household("F-1", 3);
		file.household("F-2", 2);
		file.household("F-3", 1);
		ImportView filed = imports.importLocal(org.code(), file.write(dir, "v1.csv", file.csv()), OnExisting.SKIP,
				Locale.SIMPLIFIED_CHINESE, (x1, x2, x3, x4, x5) -> {
				});
		assertThat(filed.householdsFiled()).isEqualTo(3);
		assertTableEqualsLive("after an import");

		first.get(0).put(TemplateColumn.MONTHLY_INCOME, "150");
		first.get(0).put(TemplateColumn.HOUSING, "自有");
		first.get(0).remove(TemplateColumn.ANNUAL_RENT);
		ImportView updated = imports.importLocal(org.code(), file.write(dir, "v2.csv", file.csv()), OnExisting.UPDATE,
				Locale.SIMPLIFIED_CHINESE, (x1, x2, x3, x4, x5) -> {
				});
		assertThat(updated.householdsUpdated()).isEqualTo(1);
		assertTableEqualsLive("after a re-import that changes a household");
		assertThat(rows()).hasSize(6);
	}

	@Test
	void aRowIsValidUntilAMemberTurns18Or60AndHouseholdsLoadedAroundTheRegisterAreCaughtUp() {
		HouseholdView h = file("孙", today.minusYears(60).plusDays(40), Employment.UNEMPLOYED, "0");
		registry.addMember(scope, h.id(), new AddMember(Places.member("孙女", today.minusYears(18).plusDays(9), false,
				Relation.DAUGHTER, Employment.STUDENT, "0", Health.HEALTHY, Schooling.SENIOR)));
		LocalDate validUntil = jdbc.sql("SELECT valid_until FROM identification_facts WHERE household_id = ?")
			.param(h.id())
			.query(LocalDate.class)
			.single();
		// and at most until the next month starts (facts by month and year come from the economics records)
		LocalDate nextMonth = today.withDayOfMonth(1).plusMonths(1);
		assertThat(validUntil).isEqualTo(today.plusDays(9).isBefore(nextMonth) ? today.plusDays(9) : nextMonth);

		List<Long> loaded = population.generate(org.id(), List.of(village()), 40, 7, today);
		jdbc.sql("DELETE FROM identification_facts WHERE household_id IN (:ids)").param("ids", loaded.subList(0, 20)).update();
		jdbc.sql("UPDATE registry_member SET income_wage = income_wage + 100 WHERE household_id IN (:ids)")
			.param("ids", loaded.subList(20, 30))
			.update();
		jdbc.sql("UPDATE registry_household SET version = version + 1 WHERE id IN (:ids)").param("ids", loaded.subList(20, 30)).update();
		assertThat(table.refreshAll()).isGreaterThanOrEqualTo(41);
		assertTableEqualsLive("after refreshAll over households written with SQL");
	}

	String village() {
		return jdbc.sql("SELECT code FROM organisation_region WHERE code LIKE '420102%' AND level = 4 ORDER BY code LIMIT 1")
			.query(String.class)
			.single();
	}

	HouseholdView file(String surname, LocalDate birth, Employment employment, String wage) {
		HouseholdData data = Places.household(Households.TOWNSHIP, null, HousingType.OWN);
		MemberData head = Places.member(surname + "户主", birth, true, Relation.HEAD, employment, wage, Health.HEALTHY, null);
		return registry.file(scope, new FileHousehold(null, data, head));
	}

	void assertTableEqualsLive(String when) {
		Map<Long, Map<String, String>> live = new TreeMap<>();
		jdbc.sql(FactsQuery.sql("h.organisation_id = :org AND h.status <> 'CLOSED'"))
			.param("org", org.id())
			.param("asOf", today)
			.query((rs, n) -> live.put(rs.getLong("household_id"), row(rs)))
			.list();
		assertThat(live).as("households to compare " + when).isNotEmpty();
		assertThat(rows()).as(when).isEqualTo(live);
	}

	Map<Long, Map<String, String>> rows() {
		Map<Long, Map<String, String>> stored = new TreeMap<>();
		jdbc.sql("SELECT * FROM identification_facts WHERE organisation_id = :org")
			.param("org", org.id())
			.query((rs, n) -> stored.put(rs.getLong("household_id"), row(rs)))
			.list();
		return stored;
	}

	static Map<String, String> row(java.sql.ResultSet rs) throws java.sql.SQLException {
		Map<String, String> m = new LinkedHashMap<>();
		m.put("region_code", rs.getString("region_code"));
		m.put("household_version", rs.getString("household_version"));
		for (Fact f : Fact.values()) {
			Object v = rs.getObject(f.column());
			m.put(f.column(), v instanceof Number x ? new BigDecimal(x.toString()).stripTrailingZeros().toPlainString()
					: String.valueOf(v));
		}
		return m;
	}

}
