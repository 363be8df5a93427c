package org.bangfu.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.shared.Role.ADMIN;
import static org.bangfu.shared.Role.AUDITOR;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.bangfu.shared.Role;
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
 * Every role against every organisation endpoint (API and pages), aimed at the caller's own
 * subtree and at a sibling organisation. Reads of the tree are for every role through the API
 * and for administrators and auditors on the pages; writes are for administrators; a sibling
 * is not found. Each role acts on its own child organisations, so one role's move or delete
 * never changes what the next role finds.
 */
@IntegrationTest
@Import(Fixtures.class)
class OrganisationAccessMatrixIntegrationTests {

	static final EnumSet<Role> ADMINS = EnumSet.of(ADMIN);

	static final EnumSet<Role> READERS = EnumSet.of(ADMIN, AUDITOR);

	static final EnumSet<Role> EVERYONE = EnumSet.allOf(Role.class);

	static final String CREATE_JSON = """
			{"code":"{unique}","name":"矩阵{unique}","type":"UNION","regionCode":"420102","parentId":{org}}""";

	static final String UPDATE_JSON = """
			{"name":"矩阵改名{unique}","type":"COMPANY","regionCode":"420102002"}""";

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Organisations organisations;

	static AccessMatrix organisationMatrix() {
		return new AccessMatrix()
			// API: reads for everyone in scope, writes for administrators (role checked first: 403 before 404)
			.endpoint("GET", "/api/v1/organisations", null).allow(EVERYONE, 200, 200)
			.endpoint("GET", "/api/v1/organisations/{org}", null).allow(EVERYONE, 200, 404)
			.endpoint("POST", "/api/v1/organisations", CREATE_JSON).allow(ADMINS, 201, 404)
			.endpoint("PUT", "/api/v1/organisations/{target}", UPDATE_JSON).allow(ADMINS, 200, 404)
			.endpoint("POST", "/api/v1/organisations/{target}/move", "{\"newParentId\":{dest}}").allow(ADMINS, 200, 404)
			.endpoint("POST", "/api/v1/organisations/{target}/deactivate", null).allow(ADMINS, 200, 404)
			.endpoint("POST", "/api/v1/organisations/{target}/activate", null).allow(ADMINS, 200, 404)
			.endpoint("DELETE", "/api/v1/organisations/{target}", null).allow(ADMINS, 204, 404)
			// pages: the list and the new form check the role; one organisation's pages look it up first
			.endpoint("GET", "/organisations", null).allow(READERS, 200, 200)
			.endpoint("GET", "/organisations/new", null).allow(ADMINS, 200, 200)
			.endpoint("GET", "/organisations/new?parent={org}", null).allow(ADMINS, 200, 404)
			// a parent outside the subtree is not found, like the sibling itself
			.endpoint("POST", "/organisations", "code={unique}&name=矩阵{unique}&type=UNION&regionCode=420102&parentId={org}")
			.allow(ADMINS, 302, 404)
			.endpoint("GET", "/organisations/{page}/edit", null).allow(ADMINS, 200, 404, 403, 404)
			.endpoint("POST", "/organisations/{page}", "name=矩阵页改{unique}&type=COMPANY&regionCode=420102002")
			.allow(ADMINS, 302, 404, 403, 404)
			.endpoint("POST", "/organisations/{page}/move", "newParentId={dest}").allow(ADMINS, 302, 404, 403, 404)
			.endpoint("POST", "/organisations/{page}/deactivate", null).allow(ADMINS, 302, 404, 403, 404)
			.endpoint("POST", "/organisations/{page}/activate", null).allow(ADMINS, 302, 404, 403, 404)
			.endpoint("POST", "/organisations/{page}/delete", null).allow(ADMINS, 302, 404, 403, 404);
	}

	@Test
	void everyRoleGetsWhatTheMatrixSaysAndOnlyAdministratorsChangeTheTree() {
		var parent = fixtures.organisation("组织矩阵上级");
		var own = fixtures.organisationUnder(parent.id(), "组织矩阵本级");
		var sibling = fixtures.organisationUnder(parent.id(), "组织矩阵兄弟");
		var siblingChild = fixtures.organisationUnder(sibling.id(), "组织矩阵兄弟下级");
		Map<Role, Caller> callers = new EnumMap<>(Role.class);
		Map<Role, Map<String, String>> targets = new EnumMap<>(Role.class);
		Map<Role, OrganisationView> apiTargets = new EnumMap<>(Role.class);
		Map<Role, OrganisationView> pageTargets = new EnumMap<>(Role.class);
		for (Role role : Role.values()) {
			callers.put(role, new Caller(fixtures.user(own.id(), role), Fixtures.PASSWORD));
			OrganisationView api = fixtures.organisationUnder(own.id(), "接口目标" + role);
			OrganisationView page = fixtures.organisationUnder(own.id(), "页面目标" + role);
			OrganisationView dest = fixtures.organisationUnder(own.id(), "迁入目标" + role);
			apiTargets.put(role, api);
			pageTargets.put(role, page);
			targets.put(role, Map.of("org", "" + own.id(), "target", "" + api.id(), "page", "" + page.id(), "dest",
					"" + dest.id()));
		}
		Map<String, String> other = Map.of("org", "" + sibling.id(), "target", "" + sibling.id(), "page",
				"" + siblingChild.id(), "dest", "" + siblingChild.id());

		AccessMatrix matrix = organisationMatrix();
		List<String> failures = matrix.check(port, callers::get, targets::get, role -> other);

		assertThat(matrix.rows()).hasSize(7 * 18);
		assertThat(failures).as("access matrix mismatches").isEmpty();
		// the administrator's writes really happened (a page redirect alone could hide a refusal) ...
		assertThat(organisations.find(fixtures.everything(), apiTargets.get(ADMIN).id())).isEmpty();
		assertThat(organisations.find(fixtures.everything(), pageTargets.get(ADMIN).id())).isEmpty();
		// ... nobody else's did, and the sibling is untouched
		for (Role role : EnumSet.complementOf(ADMINS)) {
			OrganisationView page = organisations.require(fixtures.everything(), pageTargets.get(role).id());
			assertThat(page.name()).isEqualTo(pageTargets.get(role).name());
			assertThat(page.parentId()).isEqualTo(own.id());
			assertThat(page.active()).isTrue();
		}
		OrganisationView siblingNow = organisations.require(fixtures.everything(), sibling.id());
		assertThat(siblingNow).isEqualTo(sibling);
		assertThat(organisations.require(fixtures.everything(), siblingChild.id())).isEqualTo(siblingChild);
	}

	@Test
	void theTreeOfACaseworkerHoldsTheOwnSubtreeAndNothingOfTheSibling() {
		var parent = fixtures.organisation("组织树上级");
		var own = fixtures.organisationUnder(parent.id(), "组织树本级");
		var child = fixtures.organisationUnder(own.id(), "组织树下级");
		var sibling = fixtures.organisationUnder(parent.id(), "组织树兄弟");
		Http api = Http.basic(port, fixtures.user(own.id(), Role.CASEWORKER), Fixtures.PASSWORD);
		String tree = api.get("/api/v1/organisations").body();
		assertThat(tree).contains(own.name(), child.name()).doesNotContain(sibling.name());
		Http auditor = Http.loggedIn(port, fixtures.user(own.id(), Role.AUDITOR), Fixtures.PASSWORD);
		String page = auditor.get("/organisations").body();
		assertThat(page).contains(own.name(), child.name()).doesNotContain(sibling.name());
		var edit = auditor.get("/organisations/" + sibling.id() + "/edit");
		assertThat(edit.statusCode()).isEqualTo(404);
		assertThat(edit.body()).contains("页面不存在或您无权查看").doesNotContain(sibling.name());
	}

}
