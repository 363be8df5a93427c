package org.bangfu;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.bangfu.organisation.OrganisationView;
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
import org.bangfu.shared.Masking;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * One masking rule per role on every surface that shows a household's personal details: the
 * household page, the pairing ledger API and the change data of a case in the cases API. Roles
 * that may reveal ID numbers see phones, bank accounts and health details whole; cadres and
 * auditors see phones and accounts masked, and neither diseases nor kinds of disability.
 */
@IntegrationTest
@Import(Fixtures.class)
class PersonalDataMaskingIntegrationTests {

	static final String DISEASE = "尿毒症";

	static final String DISABILITY = "肢体残疾";

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	HouseholdRegistry registry;

	OrganisationView org;

	long household;

	String fileNo;

	String phone;

	String spousePhone;

	String bank;

	@BeforeEach
	void family() {
		ThreadLocalRandom r = ThreadLocalRandom.current();
		phone = "137" + String.format("%08d", r.nextInt(100_000_000));
		spousePhone = "135" + String.format("%08d", r.nextInt(100_000_000));
		bank = "6228" + String.format("%015d", r.nextLong(1_000_000_000_000_000L));
		org = fixtures.organisation("遮蔽测试工会");
		Scope scope = new Scope(org.id(), org.path());
		fileNo = Households.fileNo();
		HouseholdView h = registry.file(scope, new FileHousehold(null, data(phone, bank), new MemberData("周大海",
				Households.idNumber(LocalDate.now().minusYears(50), true), Relation.HEAD, "汉族", null, null,
				Employment.LAID_OFF, null, phone, BigDecimal.ZERO, null, null, null, null, Health.MAJOR_ILLNESS, DISEASE,
				null, null, null, null, null, List.of())));
		household = h.id();
		registry.addMember(scope, household, new AddMember(new MemberData("吴兰", Households.idNumber(LocalDate.now()
			.minusYears(47), false), Relation.SPOUSE, "汉族", null, null, Employment.UNEMPLOYED, null, spousePhone, null, null,
				null, null, null, Health.DISABLED, null, DISABILITY, 2, null, null, null, List.of())));
	}

	HouseholdData data(String phone, String bank) {
		return new HouseholdData(fileNo, Households.TOWNSHIP, "江岸区球场街 12 号", phone, HardshipCause.ILLNESS, List.of(),
				List.of(Category.HARDSHIP_WORKER), HousingType.RENTED, new BigDecimal("36.00"), new BigDecimal("7200.00"), 0,
				new BigDecimal("500.00"), null, "建设银行", bank, null);
	}

	static boolean whole(Role role) {
		return HouseholdRegistry.mayReveal(java.util.Set.of(role));
	}

	Http api(Role role) {
		return Http.basic(port, fixtures.user(org.id(), role), Fixtures.PASSWORD);
	}

	@ParameterizedTest
	@EnumSource(value = Role.class, names = { "CASEWORKER", "PAIRING_CADRE", "AUDITOR" })
	void theHouseholdPageShowsThePhoneWholeOnlyToRolesThatMayRevealNumbers(Role role) {
		Http page = Http.loggedIn(port, fixtures.user(org.id(), role), Fixtures.PASSWORD);
		HttpResponse<String> res = page.get("/households/" + household);
		assertThat(res.statusCode()).as(role.name()).isEqualTo(200);
		if (whole(role)) {
			assertThat(res.body()).as(role.name()).contains(phone);
		}
		else {
			assertThat(res.body()).as(role.name()).contains(Masking.phone(phone)).doesNotContain(phone, spousePhone);
		}
	}

	@ParameterizedTest
	@EnumSource(value = Role.class, names = { "CASEWORKER", "APPROVER", "PAIRING_CADRE", "AUDITOR" })
	void theLedgerApiMasksPhonesAndLeavesOutHealthDetailsForCadresAndAuditors(Role role) {
		HttpResponse<String> res = api(role).get("/api/v1/ledgers/" + household);
		assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
		if (whole(role)) {
			assertThat(res.body()).as(role.name()).contains(phone, spousePhone, DISEASE, DISABILITY);
		}
		else {
			assertThat(res.body()).as(role.name())
				.contains(Masking.phone(phone), Masking.phone(spousePhone), "\"disabilityGrade\":2")
				.doesNotContain(phone, spousePhone, DISEASE, DISABILITY);
		}
	}

	@ParameterizedTest
	@EnumSource(value = Role.class, names = { "CASEWORKER", "REVIEWER", "AUDITOR" })
	void theChangeACaseAsksForShowsTheNewPhoneAndBankAccountWholeOnlyToRolesThatMayRevealNumbers(Role role) {
		String newPhone = "186" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
		String newBank = "6217" + String.format("%015d", ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L));
		HttpResponse<String> opened = api(Role.CASEWORKER).json("POST", "/api/v1/cases", """
				{"type": "CHANGE", "householdId": %d, "summary": "换了手机和银行卡",
				 "change": {"fileNo": "%s", "regionCode": "%s", "address": "江岸区球场街 12 号", "phone": "%s",
				  "mainCause": "ILLNESS", "housingType": "RENTED", "vehicles": 0, "savings": 500, "bankName": "工商银行",
				  "bankAccount": "%s"}}""".formatted(household, fileNo, Households.TOWNSHIP, newPhone, newBank));
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
		long id = tools.jackson.databind.json.JsonMapper.builder().build().readTree(opened.body()).path("id").asLong();
		HttpResponse<String> res = api(role).get("/api/v1/cases/" + id);
		assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
		if (whole(role)) {
			assertThat(res.body()).as(role.name()).contains(newPhone, newBank);
		}
		else {
			assertThat(res.body()).as(role.name())
				.contains(Masking.phone(newPhone), Masking.account(newBank), "工商银行")
				.doesNotContain(newPhone, newBank);
		}
	}

}
