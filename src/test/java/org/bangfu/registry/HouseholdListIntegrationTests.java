package org.bangfu.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bangfu.organisation.OrganisationView;
import org.bangfu.registry.HouseholdCommands.CloseHousehold;
import org.bangfu.registry.HouseholdCommands.ExitHousehold;
import org.bangfu.registry.Vocabulary.CloseReason;
import org.bangfu.registry.Vocabulary.HardshipCause;
import org.bangfu.registry.Vocabulary.HouseholdStatus;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The register's list as a user pages through it: every sort walks the whole list page by page,
 * forwards and backwards, without a household missed or shown twice (ties on the sort key
 * included); totals are exact from the kept counts after filing, exits, closings and moves, and
 * a search matching more than a thousand households says more than 1,000 instead of counting
 * them all.
 */
@IntegrationTest
@Import(Fixtures.class)
class HouseholdListIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BusinessClock clock;

	OrganisationView org;

	Scope scope;

	@BeforeEach
	void setUp() {
		org = fixtures.organisation("列表测试");
		scope = new Scope(org.id(), fixtures.everything().path() + org.id() + "/");
	}

	/**
	 * Households straight into the tables: {@code n} of them, updated at only seven different
	 * times (ties), in two townships, with heads whose names repeat.
	 */
	void bulk(long organisationId, int n, String cause) {
		jdbc.sql("""
				INSERT INTO registry_household (organisation_id, region_code, file_no, main_cause, created_by, updated_by,
				                                updated_at)
				SELECT :org, CASE WHEN g % 3 = 0 THEN '420102003000' ELSE '420102002000' END,
				       'L' || :org || '-' || lpad(g::text, 5, '0'), :cause, 'test', 'test',
				       timestamptz '2026-03-01 08:00:00+08' + (g % 7) * interval '1 minute'
				FROM generate_series(1, :n) g""").param("org", organisationId).param("n", n).param("cause", cause)
			.update();
		jdbc.sql("""
				INSERT INTO registry_member (household_id, name, id_number_hash, id_number_enc, id_number_masked, birth_date,
				                             sex, relation)
				SELECT h.id, (ARRAY['王芳', '李强', '张伟', '刘洋'])[1 + h.id % 4], md5(h.id::text) || md5(h.file_no),
				       'x', '420102********1234', DATE '1970-01-01', 'M', 'HEAD'
				FROM registry_household h WHERE h.organisation_id = :org""").param("org", organisationId).update();
	}

	List<Long> walkForwards(HouseholdQuery first, List<HouseholdPage> pages) {
		List<Long> ids = new ArrayList<>();
		HouseholdPage page = registry.search(scope, first);
		pages.add(page);
		page.rows().forEach(r -> ids.add(r.id()));
		while (page.hasNext()) {
			page = registry.search(scope, with(first, page.page() + 1, page.next(), null));
			pages.add(page);
			page.rows().forEach(r -> ids.add(r.id()));
		}
		return ids;
	}

	static HouseholdQuery with(HouseholdQuery q, int page, String after, String before) {
		return new HouseholdQuery(q.idNumber(), q.name(), q.phone(), q.region(), q.status(), q.category(), q.cause(),
				q.sort(), q.dir(), page, q.size(), after, before);
	}

	@Test
	void everySortPagesThroughTheWholeListForwardsAndBackwardsWithoutGapsOrRepeats() {
		bulk(org.id(), 47, "ILLNESS");
		for (String sort : HouseholdQuery.SORTS) {
			for (String dir : List.of("asc", "desc")) {
				HouseholdQuery first = new HouseholdQuery(null, null, null, null, null, null, null, sort, dir, 1, 10);
				List<Long> all = registry.search(scope,
						new HouseholdQuery(null, null, null, null, null, null, null, sort, dir, 1, 100))
					.rows()
					.stream()
					.map(HouseholdRow::id)
					.toList();
				assertThat(all).as(sort + " " + dir).hasSize(47).doesNotHaveDuplicates();
				List<HouseholdPage> pages = new ArrayList<>();
				assertThat(walkForwards(first, pages)).as(sort + " " + dir + " forwards").containsExactlyElementsOf(all);
				assertThat(pages).hasSize(5);
				assertThat(pages.get(4).rows()).hasSize(7);
				assertThat(pages.get(0).hasPrevious()).isFalse();
				// and back from the last page to the first, page by page
				HouseholdPage page = pages.get(4);
				for (int i = 3; i >= 0; i--) {
					page = registry.search(scope, with(first, page.page() - 1, null, page.previous()));
					assertThat(page.rows()).as(sort + " " + dir + " back to page " + (i + 1))
						.extracting(HouseholdRow::id)
						.containsExactlyElementsOf(pages.get(i).rows().stream().map(HouseholdRow::id).toList());
					assertThat(page.hasNext()).isTrue();
				}
				assertThat(page.hasPrevious()).as("the first page reached backwards knows it is the first").isFalse();
			}
		}
	}

	@Test
	void totalsAreExactFromTheKeptCountsAfterFilingExitsClosingsAndMoves() {
		bulk(org.id(), 30, "ILLNESS");
		OrganisationView sibling = fixtures.organisationUnder(org.id(), "村");
		Scope village = new Scope(sibling.id(), scope.path() + sibling.id() + "/");
		HouseholdView filed = registry.file(scope,
				Households.headOnly(Households.idNumber(LocalDate.of(1966, 6, 6), true)));
		HouseholdView toClose = registry.file(scope,
				Households.headOnly(Households.idNumber(LocalDate.of(1967, 7, 7), true)));
		registry.exit(scope, filed.id(), new ExitHousehold(clock.today(), "收入稳定超过标准"));
		registry.close(scope, toClose.id(), new CloseHousehold(CloseReason.DEATH, "户主去世"));
		jdbc.sql("UPDATE registry_household SET organisation_id = ? WHERE organisation_id = ? AND region_code = '420102003000'")
			.param(sibling.id())
			.param(org.id())
			.update();

		assertThat(total(scope, null, null)).isEqualTo(new long[] { 32, 1 });
		assertThat(total(scope, HouseholdStatus.EXITED, null)).isEqualTo(new long[] { 1, 1 });
		assertThat(total(scope, HouseholdStatus.CLOSED, null)).isEqualTo(new long[] { 1, 1 });
		assertThat(total(scope, HouseholdStatus.FILED, null)).isEqualTo(new long[] { 30, 1 });
		assertThat(total(village, null, null)).as("the ten households of the other township moved to the village")
			.isEqualTo(new long[] { 10, 1 });
		assertThat(total(scope, HouseholdStatus.FILED, "420102003")).isEqualTo(new long[] { 10, 1 });
		assertThat(total(village, null, "420102002")).isEqualTo(new long[] { 0, 1 });
		// the kept counts agree with the register itself, for every organisation and status
		List<Map<String, Object>> drift = jdbc.sql("""
				SELECT coalesce(k.organisation_id, a.organisation_id) AS org, k.households AS kept, a.n AS actual
				FROM (SELECT * FROM registry_household_count WHERE households <> 0) k
				FULL JOIN (SELECT organisation_id, status, count(*) AS n FROM registry_household GROUP BY 1, 2) a
				  ON a.organisation_id = k.organisation_id AND a.status = k.status
				WHERE k.households IS DISTINCT FROM a.n""").query().listOfRows();
		assertThat(drift).isEmpty();
	}

	/** The total and whether it is exact (1) of a search by status and region in a scope. */
	long[] total(Scope in, HouseholdStatus status, String region) {
		HouseholdPage page = registry.search(in,
				new HouseholdQuery(null, null, null, region, status, null, null, null, null, 1, 10));
		return new long[] { page.total(), page.totalExact() ? 1 : 0 };
	}

	@Test
	void aSearchMatchingMoreThanAThousandHouseholdsSaysSoInsteadOfCountingThemAll() {
		bulk(org.id(), 1005, "DISABILITY");
		HouseholdPage many = registry.search(scope,
				new HouseholdQuery(null, null, null, null, null, null, HardshipCause.DISABILITY, null, null, 1, 20));
		assertThat(many.total()).isEqualTo(1000);
		assertThat(many.totalExact()).isFalse();
		assertThat(many.rows()).hasSize(20);
		assertThat(many.hasNext()).isTrue();
		HouseholdPage few = registry.search(scope,
				new HouseholdQuery(null, "王", null, "420102003", null, null, HardshipCause.DISABILITY, null, null, 1, 20));
		long expected = jdbc.sql("""
				SELECT count(*) FROM registry_household h JOIN registry_member m ON m.household_id = h.id
				WHERE h.organisation_id = ? AND h.region_code = '420102003000' AND m.name LIKE '王%'""")
			.param(org.id())
			.query(Long.class)
			.single();
		assertThat(few.total()).isEqualTo(expected);
		assertThat(few.totalExact()).isTrue();

		Http admin = Http.loggedIn(port, fixtures.user(org.id(), Role.CASEWORKER), Fixtures.PASSWORD);
		HttpResponse<String> page = admin.get("/households?cause=DISABILITY");
		assertThat(page.body()).contains("超过 1,000 条").contains("第 1 页").doesNotContain("第 1 页 / ");
		HttpResponse<String> api = Http.basic(port, fixtures.user(org.id(), Role.CASEWORKER), Fixtures.PASSWORD)
			.get("/api/v1/households?cause=DISABILITY&size=10");
		assertThat(api.body()).contains("\"total\":1000").contains("\"totalExact\":false").contains("\"next\":\"");
	}

	@Test
	void aTamperedPageLinkIsRefusedWithAMessageAndNoList() {
		bulk(org.id(), 12, "ILLNESS");
		assertThatThrownBy(() -> registry.search(scope,
				new HouseholdQuery(null, null, null, null, null, null, null, null, null, 2, 10, "not-a-cursor", null)))
			.isInstanceOfSatisfying(BangfuException.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("registry.cursor.invalid"));
		String caseworker = fixtures.user(org.id(), Role.CASEWORKER);
		HttpResponse<String> api = Http.basic(port, caseworker, Fixtures.PASSWORD)
			.get("/api/v1/households?after=bm90LWEtY3Vyc29y");
		assertThat(api.statusCode()).isEqualTo(400);
		assertThat(api.body()).contains("翻页链接已失效");
		Http pages = Http.loggedIn(port, caseworker, Fixtures.PASSWORD);
		HttpResponse<String> page = pages.get("/households?after=bm90LWEtY3Vyc29y");
		assertThat(page.body()).contains("翻页链接已失效").doesNotContain("id=\"households\"");
	}

	@Test
	void aMistypedIdNumberShowsItsErrorAndNoListAndANoMatchSaysSo() {
		bulk(org.id(), 3, "ILLNESS");
		Http pages = Http.loggedIn(port, fixtures.user(org.id(), Role.CASEWORKER), Fixtures.PASSWORD);
		HttpResponse<String> wrong = pages.get("/households?idNumber=12345");
		assertThat(wrong.statusCode()).isEqualTo(200);
		assertThat(wrong.body()).contains("alert-warning").doesNotContain("id=\"households\"")
			.doesNotContain("还没有家庭档案");
		HttpResponse<String> none = pages.get("/households?name=%E6%AC%A7%E9%98%B3");
		assertThat(none.body()).contains("没有符合这些筛选条件的家庭").doesNotContain("还没有家庭档案")
			.doesNotContain("id=\"households\"");
		HttpResponse<String> all = pages.get("/households");
		assertThat(all.body()).contains("id=\"households\"").contains("共 3 条").contains("第 1 页 / 1");
	}

}
