package org.bangfu.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.bangfu.registry.TemplateColumn.HOUSING;
import static org.bangfu.registry.TemplateColumn.ID_NUMBER;
import static org.bangfu.registry.TemplateColumn.MONTHLY_INCOME;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bangfu.organisation.OrganisationView;
import org.bangfu.registry.Vocabulary.HousingType;
import org.bangfu.shared.IdNumber;
import org.bangfu.shared.Scope;
import org.bangfu.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Importing the same people again: the file's 户编号 and ID numbers identify what exists, and the
 * user chooses to skip ("already filed") or update; two imports running at once that share
 * people leave each person in exactly one household and reject the other row with a message.
 */
@ImportIntegrationTest
class HouseholdReimportIntegrationTests {

	@Autowired
	HouseholdImports imports;

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	ImportResults results;

	OrganisationView org;

	@BeforeEach
	void setUp() {
		results = new ImportResults(jdbc);
		org = fixtures.organisation("重复导入");
	}

	@Test
	void importingTheSameFileAgainWithSkipCreatesNothingAndReportsEachHouseholdAsAlreadyFiled() throws IOException {
		TemplateFile file = new TemplateFile();
		file.household("S-1", 3);
		file.household("S-2", 1);
		Path path = file.write(dir, "same.csv", file.csv());
		assertThat(importFile(path, OnExisting.SKIP).householdsFiled()).isEqualTo(2);
		long members = results.activeMembers(org.id());
		long changes = results.changes(org.id());
		long claims = results.claims();

		ImportView again = importFile(path, OnExisting.SKIP);

		assertThat(again.householdsFiled()).isZero();
		assertThat(again.householdsSkipped()).isEqualTo(2);
		assertThat(again.rowsSkipped()).isEqualTo(4);
		assertThat(again.rowsRejected()).isZero();
		assertThat(again.hasReport()).isFalse();
		assertThat(results.fileNos(org.id())).containsExactly("S-1", "S-2");
		assertThat(results.activeMembers(org.id())).isEqualTo(members);
		assertThat(results.changes(org.id())).isEqualTo(changes);
		assertThat(results.claims()).isEqualTo(claims);
		assertThat(imports.issues(scope(), again.id(), 10)).extracting(ImportIssue::kind, ImportIssue::householdRef,
				ImportIssue::messageKey)
			.containsExactly(tuple(ImportIssue.Kind.SKIPPED, "S-1", "imports.household.alreadyFiled"),
					tuple(ImportIssue.Kind.SKIPPED, "S-2", "imports.household.alreadyFiled"));
	}

	@Test
	void importingWithUpdateChangesWhatTheFileChangesKeepsHistoryAndLeavesTheRestAlone() throws IOException {
		TemplateFile file = new TemplateFile();
		List<Map<TemplateColumn, String>> a = file.household("U-A", 3);
		file.household("U-B", 2);
		List<Map<TemplateColumn, String>> c = file.household("U-C", 1);
		assertThat(importFile(file.write(dir, "v1.csv", file.csv()), OnExisting.SKIP).householdsFiled()).isEqualTo(3);
		long bVersion = registry.find(scope(), id("U-B")).orElseThrow().version();
		String leaving = a.get(2).get(ID_NUMBER);

		a.get(0).put(MONTHLY_INCOME, "1500");
		file.rows().remove(a.get(2));
		Map<TemplateColumn, String> newcomer = new java.util.EnumMap<>(a.get(1));
		newcomer.put(ID_NUMBER, Households.idNumber(LocalDate.of(2008, 8, 8), false));
		newcomer.put(TemplateColumn.NAME, "张测试新");
		newcomer.put(TemplateColumn.RELATION, "女");
		newcomer.put(MONTHLY_INCOME, "");
		file.rows().add(1, newcomer);
		c.get(0).put(HOUSING, "自有");
		c.get(0).remove(TemplateColumn.ANNUAL_RENT);
		ImportView update = importFile(file.write(dir, "v2.csv", file.csv()), OnExisting.UPDATE);

		assertThat(update.householdsUpdated()).isEqualTo(2);
		assertThat(update.householdsUnchanged()).isEqualTo(1);
		assertThat(update.householdsFiled()).isZero();
		assertThat(update.rowsAccepted()).isEqualTo(6);
		HouseholdView ua = registry.find(scope(), id("U-A")).orElseThrow();
		assertThat(ua.members()).extracting(MemberView::name).containsExactlyInAnyOrder("张测试甲", "李测试乙", "张测试新");
		assertThat(ua.head().orElseThrow().wage()).isEqualByComparingTo("1500");
		assertThat(registry.history(scope(), ua.id())).extracting(HouseholdChange::kind)
			.containsExactly("import.update", "import.file");
		assertThat(registry.search(scope(), query(leaving)).total()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM registry_member WHERE household_id = ? AND NOT active")
			.param(ua.id()).query(Long.class).single()).isEqualTo(1);
		HouseholdView uc = registry.find(scope(), id("U-C")).orElseThrow();
		assertThat(uc.housingType()).isEqualTo(HousingType.OWN);
		assertThat(uc.annualRent()).isNull();
		assertThat(registry.find(scope(), id("U-B")).orElseThrow().version()).isEqualTo(bVersion);

		ImportView same = importFile(file.write(dir, "v3.csv", file.csv()), OnExisting.UPDATE);
		assertThat(same.householdsUnchanged()).isEqualTo(3);
		assertThat(same.householdsUpdated()).isZero();
	}

	@Test
	void anUpdateFromAFileWithFewerColumnsKeepsWhatTheFileDoesNotHave() throws IOException {
		TemplateFile full = new TemplateFile();
		List<Map<TemplateColumn, String>> rows = full.household("K-1", 2);
		importFile(full.write(dir, "full.csv", full.csv()), OnExisting.SKIP);
		TemplateFile narrow = TemplateFile.withHeaders("户编号", "区划代码", "姓名", "身份证号", "与户主关系");
		for (Map<TemplateColumn, String> r : rows) {
			narrow.row(r);
		}
		narrow.rows().get(0).put(TemplateColumn.NAME, "张测试改");
		ImportView done = importFile(narrow.write(dir, "narrow.csv", narrow.csv()), OnExisting.UPDATE);
		assertThat(done.householdsUpdated()).isEqualTo(1);
		HouseholdView h = registry.find(scope(), id("K-1")).orElseThrow();
		assertThat(h.headName()).isEqualTo("张测试改");
		assertThat(h.savings()).isEqualByComparingTo("1200");
		assertThat(h.bankAccountMasked()).endsWith("0123");
		assertThat(h.head().orElseThrow().wage()).isEqualByComparingTo("1200.50");
	}

	@Test
	void twoImportsAtOnceWithSharedPeopleLeaveEachPersonInOneHouseholdAndRejectTheOtherRow() throws Exception {
		OrganisationView second = fixtures.organisation("并发导入");
		TemplateFile one = new TemplateFile();
		TemplateFile two = new TemplateFile();
		int households = 300;
		int shared = 100;
		List<String> sharedIds = new ArrayList<>();
		for (int i = 0; i < households; i++) {
			List<Map<TemplateColumn, String>> a = one.household("P-" + i, 2);
			List<Map<TemplateColumn, String>> b = two.household("Q-" + i, 2);
			if (i % 3 == 0 && sharedIds.size() < shared) {
				b.get(0).put(ID_NUMBER, a.get(0).get(ID_NUMBER));
				sharedIds.add(a.get(0).get(ID_NUMBER));
			}
		}
		Path p1 = one.write(dir, "one.csv", one.csv());
		Path p2 = two.write(dir, "two.csv", two.csv());
		long claims = results.claims();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Callable<ImportView> first = () -> {
				start.await();
				return importFile(org, p1);
			};
			Callable<ImportView> other = () -> {
				start.await();
				return importFile(second, p2);
			};
			Future<ImportView> f1 = pool.submit(first);
			Future<ImportView> f2 = pool.submit(other);
			start.countDown();
			ImportView r1 = f1.get();
			ImportView r2 = f2.get();
			assertThat(r1.status()).isEqualTo("DONE");
			assertThat(r2.status()).isEqualTo("DONE");
			assertThat(r1.householdsFiled() + r2.householdsFiled()).isEqualTo(2L * households - shared);
			assertThat(r1.householdsRejected() + r2.householdsRejected()).isEqualTo(shared);
			assertThat(results.claims() - claims).isEqualTo(4L * households - 2L * shared);
			for (String id : sharedIds) {
				assertThat(jdbc.sql("SELECT count(*) FROM registry_member WHERE id_number_masked = ? AND active "
						+ "AND household_id IN (SELECT id FROM registry_household WHERE organisation_id IN (?, ?))")
					.params(IdNumber.mask(id), org.id(), second.id()).query(Long.class).single()).isEqualTo(1);
			}
			List<ImportIssue> issues = new ArrayList<>(imports.issues(scope(), r1.id(), 500));
			issues.addAll(imports.issues(new Scope(second.id(), second.path()), r2.id(), 500));
			assertThat(issues).hasSize(shared).allSatisfy(i -> {
				assertThat(i.messageKey()).isEqualTo("imports.idNumber.inOtherHousehold");
				assertThat(i.column()).isEqualTo("身份证号");
			});
		}
		finally {
			pool.shutdownNow();
		}
	}

	private HouseholdQuery query(String idNumber) {
		return new HouseholdQuery(idNumber, null, null, null, null, null, null, null, null, null, null);
	}

	private ImportView importFile(Path file, OnExisting mode) throws IOException {
		return imports.importLocal(org.code(), file, mode, Locale.SIMPLIFIED_CHINESE, (a, b, c, d, e) -> {
		});
	}

	private ImportView importFile(OrganisationView target, Path file) throws IOException {
		return imports.importLocal(target.code(), file, OnExisting.SKIP, Locale.SIMPLIFIED_CHINESE, (a, b, c, d, e) -> {
		});
	}

	private long id(String fileNo) {
		return jdbc.sql("SELECT id FROM registry_household WHERE organisation_id = ? AND file_no = ?")
			.params(org.id(), fileNo)
			.query(Long.class)
			.single();
	}

	private Scope scope() {
		return new Scope(org.id(), org.path());
	}

}
