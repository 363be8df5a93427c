package org.bangfu.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.shared.Role.ADMIN;
import static org.bangfu.shared.Role.APPROVER;
import static org.bangfu.shared.Role.AUDITOR;
import static org.bangfu.shared.Role.CASEWORKER;
import static org.bangfu.shared.Role.PAIRING_CADRE;
import static org.bangfu.shared.Role.REVIEWER;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.organisation.OrganisationView;
import org.bangfu.registry.HouseholdCommands.AddMember;
import org.bangfu.registry.Vocabulary.HouseholdStatus;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.bangfu.support.AccessMatrix;
import org.bangfu.support.AccessMatrix.Caller;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Every role against every endpoint of the household register, API and pages, on a household of
 * the caller's organisation and on one of a sibling organisation. Reading is for everyone but the
 * finance officer, writing for administrators, caseworkers, reviewers and approvers, revealing a
 * full ID number for the same four; a sibling's household is not found (404), never "forbidden".
 * Each role works on its own households, so one role's close or move never changes what the next
 * role finds; afterwards the files show that the allowed writes really happened and the others not.
 */
@IntegrationTest
@Import(Fixtures.class)
class RegistryAccessMatrixIntegrationTests {

	static final EnumSet<Role> READ = EnumSet.of(ADMIN, CASEWORKER, REVIEWER, APPROVER, PAIRING_CADRE, AUDITOR);

	static final EnumSet<Role> WRITE = EnumSet.of(ADMIN, CASEWORKER, REVIEWER, APPROVER);

	static final EnumSet<Role> REVEAL = EnumSet.of(ADMIN, CASEWORKER, REVIEWER, APPROVER);

	static final String FILE_JSON = """
			{"organisationId":{org},
			 "household":{"fileNo":"{unique}","regionCode":"420102002","mainCause":"UNEMPLOYMENT"},
			 "head":{"name":"矩阵户主","idNumber":"{idNumber}","relation":"HEAD","employment":"LAID_OFF","wage":0}}""";

	static final String UPDATE_JSON = """
			{"version":{version},
			 "household":{"fileNo":"{fileNo}","regionCode":"420102002","address":"矩阵路 1 号","mainCause":"ILLNESS"}}""";

	static final String MEMBER_JSON = """
			{"member":{"name":"矩阵成员","idNumber":"{idNumber}","relation":"OTHER","employment":"EMPLOYED","wage":100}}""";

	static final String PAGE_FILE = "fileNo={unique}&regionCode=420102002&mainCause=ILLNESS&head.name=矩阵户主"
			+ "&head.idNumber={idNumber}&head.relation=HEAD&head.wage=0";

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	HouseholdRegistry registry;

	static AccessMatrix registryMatrix() {
		return new AccessMatrix().fresh("idNumber", () -> Households.idNumber(LocalDate.of(1980, 5, 5), true))
			// API on household {h} (members {m} head, {m2}, {m3}; {t} receives a moved member)
			.endpoint("GET", "/api/v1/households", null).allow(READ, 200, 200)
			.endpoint("GET", "/api/v1/households/export?purpose=matrix&format=csv", null).allow(READ, 200, 200)
			.endpoint("GET", "/households/export?purpose=matrix&format=xlsx", null).allow(READ, 200, 200)
			.endpoint("GET", "/api/v1/households/{h}", null).allow(READ, 200, 404)
			.endpoint("GET", "/api/v1/households/{h}/history", null).allow(READ, 200, 404)
			.endpoint("GET", "/api/v1/households/{h}/history?asOf={today}", null).allow(READ, 200, 404)
			.endpoint("POST", "/api/v1/households", FILE_JSON).allow(WRITE, 201, 404)
			.endpoint("PUT", "/api/v1/households/{h}", UPDATE_JSON).allow(WRITE, 200, 404)
			.endpoint("POST", "/api/v1/households/{h}/members", MEMBER_JSON).allow(WRITE, 201, 404)
			.endpoint("PUT", "/api/v1/households/{h}/members/{m2}",
					"{\"member\":{\"name\":\"矩阵改名\",\"relation\":\"SPOUSE\",\"wage\":600}}")
			.allow(WRITE, 200, 404)
			.endpoint("POST", "/api/v1/households/{h}/members/{m3}/move", "{\"toHouseholdId\":{t},\"relation\":\"OTHER\"}")
			.allow(WRITE, 200, 404)
			.endpoint("DELETE", "/api/v1/households/{h}/members/{m2}", null).allow(WRITE, 204, 404)
			.endpoint("POST", "/api/v1/households/{h}/members/{m}/reveal", null).allow(REVEAL, 200, 404)
			.endpoint("POST", "/api/v1/households/{h}/close", "{\"reason\":\"DEATH\",\"note\":\"矩阵\"}").allow(WRITE, 200, 404)
			.endpoint("POST", "/api/v1/households/{h}/reopen", null).allow(WRITE, 409, 404) // no paper reopening: a REOPEN case
			// pages on household {ph} (members {pm} head, {pm2}, {pm3}; {pt} receives a moved member)
			.endpoint("GET", "/households", null).allow(READ, 200, 200)
			.endpoint("GET", "/households/new", null).allow(WRITE, 200, 200)
			// the page files into the caller's own organisation: there is no "other" to aim at
			.endpoint("POST", "/households", PAGE_FILE).allow(WRITE, 302, 302)
			.endpoint("POST", "/households/id-check", "head.idNumber=11010519491231002x").allow(READ, 200, 200)
			.endpoint("GET", "/households/{ph}", null).allow(READ, 200, 404)
			.endpoint("GET", "/households/{ph}?tab=history", null).allow(READ, 200, 404)
			.endpoint("GET", "/households/{ph}?tab=asOf&asOf={today}", null).allow(READ, 200, 404)
			.endpoint("GET", "/households/{ph}/edit", null).allow(WRITE, 200, 404)
			.endpoint("POST", "/households/{ph}/edit",
					"version={pversion}&fileNo={pfileNo}&regionCode=420102002&mainCause=ILLNESS&address=矩阵页面路")
			.allow(WRITE, 302, 404)
			.endpoint("GET", "/households/{ph}/members/new", null).allow(WRITE, 200, 404)
			.endpoint("POST", "/households/{ph}/members", "name=矩阵成员&idNumber={idNumber}&relation=OTHER&wage=0")
			.allow(WRITE, 302, 404)
			.endpoint("GET", "/households/{ph}/members/{pm2}/edit", null).allow(WRITE, 200, 404)
			.endpoint("POST", "/households/{ph}/members/{pm2}/edit", "name=矩阵改名&relation=SPOUSE&wage=600")
			.allow(WRITE, 302, 404)
			.endpoint("POST", "/households/{ph}/members/{pm3}/move", "toHouseholdId={pt}&relation=OTHER")
			.allow(WRITE, 302, 404)
			.endpoint("POST", "/households/{ph}/members/{pm2}/remove", null).allow(WRITE, 302, 404)
			.endpoint("POST", "/households/{ph}/members/{pm}/reveal", null).allow(REVEAL, 302, 404)
			.endpoint("POST", "/households/{ph}/close", "reason=DEATH&note=矩阵").allow(WRITE, 302, 404)
			.endpoint("POST", "/households/{ph}/reopen", null).allow(WRITE, 302, 404);
	}

	/** A household with its head {@code m} and two more members, and the household that receives a move. */
	record Family(HouseholdView household, String headIdNumber, long head, long second, long third,
			HouseholdView receiver) {

		Map<String, String> placeholders(String prefix) {
			Map<String, String> m = new HashMap<>();
			m.put(prefix + "h", "" + household.id());
			m.put(prefix + "m", "" + head);
			m.put(prefix + "m2", "" + second);
			m.put(prefix + "m3", "" + third);
			m.put(prefix + "t", "" + receiver.id());
			m.put(prefix + "version", "" + household.version());
			m.put(prefix + "fileNo", household.fileNo());
			return m;
		}

	}

	@Test
	void everyRoleGetsWhatTheMatrixSaysAndTheFilesShowOnlyTheAllowedWrites() {
		var parent = fixtures.organisation("登记矩阵上级");
		var own = fixtures.organisationUnder(parent.id(), "登记矩阵本级");
		var sibling = fixtures.organisationUnder(parent.id(), "登记矩阵兄弟");
		String today = registry.today().toString();
		Map<Role, Caller> callers = new EnumMap<>(Role.class);
		Map<Role, Family> apiFamilies = new EnumMap<>(Role.class);
		Map<Role, Family> pageFamilies = new EnumMap<>(Role.class);
		Map<Role, Map<String, String>> targets = new EnumMap<>(Role.class);
		for (Role role : Role.values()) {
			callers.put(role, new Caller(fixtures.user(own.id(), role), Fixtures.PASSWORD));
			apiFamilies.put(role, family(own));
			pageFamilies.put(role, family(own));
			Map<String, String> values = new HashMap<>(apiFamilies.get(role).placeholders(""));
			values.putAll(pageFamilies.get(role).placeholders("p"));
			values.put("org", "" + own.id());
			values.put("today", today);
			targets.put(role, values);
		}
		Family theirs = family(sibling);
		Map<String, String> other = new HashMap<>(theirs.placeholders(""));
		other.putAll(theirs.placeholders("p"));
		other.put("org", "" + sibling.id());
		other.put("today", today);

		AccessMatrix matrix = registryMatrix();
		List<String> failures = matrix.check(port, callers::get, targets::get, role -> other);

		assertThat(matrix.rows()).hasSize(7 * 33);
		assertThat(failures).as("access matrix mismatches").isEmpty();
		Scope everything = fixtures.everything();
		for (Role role : Role.values()) {
			for (Family family : List.of(apiFamilies.get(role), pageFamilies.get(role))) {
				HouseholdView now = registry.find(everything, family.household().id()).orElseThrow();
				HouseholdView receiver = registry.find(everything, family.receiver().id()).orElseThrow();
				List<String> kinds = registry.history(everything, family.household().id())
					.stream()
					.map(HouseholdChange::kind)
					.toList();
				if (WRITE.contains(role)) {
					assertThat(now.status()).as(role + " closed, not reopened without a case").isEqualTo(HouseholdStatus.CLOSED);
					assertThat(now.address()).as(role + " edited").startsWith("矩阵");
					assertThat(now.members()).as(role + " added, moved out and removed")
						.extracting(MemberView::name)
						.containsExactly("张建国", "矩阵成员");
					assertThat(receiver.members()).as(role + " moved in").hasSize(2);
					assertThat(kinds).as(role.name()).contains("update", "member.add", "member.update", "member.moveOut",
							"member.remove", "close").doesNotContain("reopen");
				}
				else {
					assertThat(now).as(role + " changed nothing").isEqualTo(family.household());
					assertThat(kinds).as(role.name()).doesNotContain("update", "close");
				}
			}
		}
		HouseholdView untouched = registry.find(everything, theirs.household().id()).orElseThrow();
		assertThat(untouched).isEqualTo(theirs.household());
	}

	@Test
	void aMemberCannotBeMovedIntoASiblingsHouseholdAndTheSiblingsFilesAreNeverListed() {
		var parent = fixtures.organisation("登记迁移上级");
		var own = fixtures.organisationUnder(parent.id(), "登记迁移本级");
		var sibling = fixtures.organisationUnder(parent.id(), "登记迁移兄弟");
		Family mine = family(own);
		Family theirs = family(sibling);
		String login = fixtures.user(own.id(), CASEWORKER);
		Http api = Http.basic(port, login, Fixtures.PASSWORD);
		HttpResponse<String> moved = api.json("POST",
				"/api/v1/households/" + mine.household().id() + "/members/" + mine.third() + "/move",
				"{\"toHouseholdId\":" + theirs.household().id() + ",\"relation\":\"OTHER\"}");
		assertThat(moved.statusCode()).isEqualTo(404);
		assertThat(moved.body()).doesNotContain(theirs.household().fileNo());
		Http page = Http.loggedIn(port, login, Fixtures.PASSWORD);
		page.get("/households/" + mine.household().id());
		HttpResponse<String> movedByPage = page.form(
				"/households/" + mine.household().id() + "/members/" + mine.third() + "/move",
				Map.of("toHouseholdId", "" + theirs.household().id(), "relation", "OTHER"));
		assertThat(movedByPage.statusCode()).isEqualTo(302);
		String location = java.net.URI.create(movedByPage.headers().firstValue("Location").orElseThrow()).getPath();
		assertThat(location).isEqualTo("/households/" + mine.household().id());
		String after = page.get(location).body();
		assertThat(after).contains("找不到该家庭档案");
		assertThat(registry.find(fixtures.everything(), mine.household().id()).orElseThrow().members()).hasSize(3);
		assertThat(registry.find(fixtures.everything(), theirs.household().id()).orElseThrow().members()).hasSize(3);

		assertThat(api.get("/api/v1/households?size=100").body()).contains(mine.household().fileNo())
			.doesNotContain(theirs.household().fileNo());
		assertThat(page.get("/households?size=100").body()).contains(mine.household().fileNo())
			.doesNotContain(theirs.household().fileNo());
		String idNumberSearch = api.get("/api/v1/households?idNumber=" + theirs.headIdNumber()).body();
		assertThat(idNumberSearch).doesNotContain(theirs.household().fileNo());
	}

	private Family family(OrganisationView org) {
		Scope scope = new Scope(org.id(), org.path());
		LocalDate today = registry.today();
		String headIdNumber = Households.idNumber(today.minusYears(52), true);
		HouseholdView h = registry.file(scope, Households.headOnly(headIdNumber));
		long second = registry
			.addMember(scope, h.id(),
					new AddMember(Households.person("李梅", Households.idNumber(today.minusYears(50), false),
							Relation.SPOUSE, "500")))
			.id();
		long third = registry
			.addMember(scope, h.id(),
					new AddMember(Households.student("张伟", Households.idNumber(today.minusYears(20), true))))
			.id();
		HouseholdView receiver = registry.file(scope,
				Households.headOnly(Households.idNumber(today.minusYears(60), true)));
		HouseholdView household = registry.find(scope, h.id()).orElseThrow();
		return new Family(household, headIdNumber, household.head().orElseThrow().id(), second, third, receiver);
	}

}
