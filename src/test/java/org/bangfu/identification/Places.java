package org.bangfu.identification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

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
import org.bangfu.registry.Vocabulary.Schooling;
import org.bangfu.shared.Scope;
import org.bangfu.support.Fixtures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Test places for identification: each call gives an organisation of its own in a county no
 * other test of the run uses, so standards set for it never meet another test's households.
 */
@Component
public class Places {

	private static final AtomicInteger SEQ = new AtomicInteger();

	private final Fixtures fixtures;

	private final Organisations organisations;

	private final HouseholdRegistry registry;

	private final JdbcClient jdbc;

	Places(Fixtures fixtures, Organisations organisations, HouseholdRegistry registry, JdbcClient jdbc) {
		this.fixtures = fixtures;
		this.organisations = organisations;
		this.registry = registry;
		this.jdbc = jdbc;
	}

	/** An organisation in a fresh county: its scope, the county and two of its townships (12-digit codes). */
	public record Place(OrganisationView organisation, Scope scope, String county, String township, String otherTownship) {
	}

	public Place county(String name) {
		int n = SEQ.incrementAndGet();
		List<String> counties = jdbc.sql("""
				SELECT c.code FROM organisation_region c
				WHERE c.level = 3 AND (SELECT count(*) FROM organisation_region t WHERE t.parent_code = c.code) >= 2
				  AND NOT EXISTS (SELECT 1 FROM identification_standard s WHERE s.region_prefix LIKE left(c.code, 6) || '%')
				  AND NOT EXISTS (SELECT 1 FROM organisation o WHERE o.region_code LIKE left(c.code, 6) || '%')
				ORDER BY md5(c.code || :salt) LIMIT 1""")
			.param("salt", System.nanoTime() + "-" + n)
			.query(String.class)
			.list();
		String county = counties.get(0);
		List<String> townships = jdbc.sql("SELECT code FROM organisation_region WHERE parent_code = ? ORDER BY code LIMIT 2")
			.param(county)
			.query(String.class)
			.list();
		OrganisationView org = organisations.create(fixtures.everything(), new CreateOrganisation("ID" + n + "-" + System.nanoTime() % 1000000,
				name + "-" + n + "-" + System.nanoTime() % 100000, OrganisationType.UNION, county.substring(0, 6),
				fixtures.everything().organisationId()));
		Scope scope = new Scope(org.id(), fixtures.everything().path() + org.id() + "/");
		return new Place(org, scope, county, townships.get(0), townships.get(1));
	}

	public static HouseholdData household(String region, BigDecimal annualRent, HousingType housing) {
		return new HouseholdData(Households.fileNo(), region, "测试地址", null, HardshipCause.UNEMPLOYMENT,
				List.of(HardshipCause.SCHOOLING), List.of(Category.HARDSHIP_WORKER), housing, null, annualRent, 0,
				new BigDecimal("1200.00"), null, null, null, null);
	}

	public static MemberData member(String name, LocalDate birth, boolean male, Relation relation, Employment employment,
			String wage, Health health, Schooling schooling) {
		return new MemberData(name, Households.idNumber(birth, male), relation, "汉族", null, null, employment, null, null,
				new BigDecimal(wage), null, null, null, null, health, null, null, null, schooling, null, null, List.of());
	}

	/**
	 * DOMAIN's worked example in a region: head 52, laid off, no income; spouse 50, cleaner,
	 * 700 a month; son 19, university student. Per capita 233.33 a month.
	 */
	public HouseholdView workedExample(Scope scope, String region, LocalDate today) {
		HouseholdView h = registry.file(scope, new FileHousehold(null, household(region, null, HousingType.OWN),
				member("张建国", today.minusYears(52).minusDays(10), true, Relation.HEAD, Employment.LAID_OFF, "0", Health.HEALTHY, null)));
		registry.addMember(scope, h.id(), new AddMember(member("李梅", today.minusYears(50).minusDays(10), false,
				Relation.SPOUSE, Employment.EMPLOYED, "700", Health.HEALTHY, null)));
		registry.addMember(scope, h.id(), new AddMember(member("张伟", today.minusYears(19).minusDays(10), true,
				Relation.SON, Employment.STUDENT, "0", Health.HEALTHY, Schooling.BACHELOR)));
		return registry.find(scope, h.id()).orElseThrow();
	}

}
