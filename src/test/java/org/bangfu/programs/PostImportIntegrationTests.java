package org.bangfu.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.bangfu.registry.HouseholdCommands.MemberData;
import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.Health;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Posts imported from a CSV sheet all or nothing: a sheet with a wrong name and a bad date saves
 * no post and lists both problems by row; the corrected sheet saves every post.
 */
@IntegrationTest
@Import({ Fixtures.class, RosterWorld.class })
class PostImportIntegrationTests {

	@Autowired
	RosterWorld world;

	@Autowired
	PostImports imports;

	@Autowired
	PostSubsidies posts;

	@Test
	void aSheetWithAProblemSavesNothingAndTheCorrectedSheetSavesEveryPost() {
		RosterWorld.World w = world.world("岗位导入");
		MemberData a = person(w, "吴护林");
		MemberData b = person(w, "郑保洁");
		String header = "姓名,身份证号,岗位,工作地点,档次,上岗日期,离岗日期,开户银行,工资账号\n";
		String bad = header + "吴护林," + a.idNumber() + ",护林员,西山林场,2,2026/3/1,,中国农业银行,6228480012345678\n"
				+ "郑冒名," + b.idNumber() + ",保洁员,二村,1,2026-03-01,,中国农业银行,6228480012340000\n"
				+ "吴护林," + a.idNumber() + ",护路员,三村,1,2026-13-01,,中国农业银行,6228480012345678\n";
		PostImports.Result refused = load(w, bad);
		assertThat(refused.imported()).isZero();
		assertThat(refused.problems()).extracting(PostImports.Problem::row).containsExactly(3L, 4L);
		assertThat(refused.problems().get(0).message()).contains("须实名");
		assertThat(refused.problems().get(1).message()).contains("上岗日期", "2026-13-01");
		assertThat(page(w).total()).isZero();

		String good = header + "吴护林," + a.idNumber() + ",护林员,西山林场,2,2026/3/1,,中国农业银行,6228480012345678\n"
				+ "郑保洁," + b.idNumber() + ",保洁员,二村,1,20260301,2026-06-30,中国农业银行,6228480012340000\n";
		assertThat(load(w, good).imported()).isEqualTo(2);
		assertThat(page(w).rows()).extracting(p -> p.personName() + "|" + p.tier() + "|" + p.from() + "|" + p.to() + "|"
				+ p.accountMasked())
			.containsExactlyInAnyOrder("吴护林|2|2026-03-01|null|6228********5678", "郑保洁|1|2026-03-01|2026-06-30|6228********0000");
	}

	private PostImports.Result load(RosterWorld.World w, String csv) {
		// the problems come in the user's language (a page or API request sets it)
		org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
		try {
			return RosterWorld.as(w.finance(), () -> {
				try {
					return imports.importSheet(w.scope(), new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "岗位.csv");
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		finally {
			org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
		}
	}

	private PostPage page(RosterWorld.World w) {
		return RosterWorld.as(w.finance(), () -> posts.page(w.scope(), new PostQuery(null, null, null, null, null, 1, 20)));
	}

	private MemberData person(RosterWorld.World w, String name) {
		MemberData m = RosterWorld.member(name, LocalDate.of(1980, 2, 2), Relation.HEAD, Employment.EMPLOYED, "0", Health.HEALTHY,
				null);
		world.file(w, List.of(Category.DIBAO), true, m);
		return m;
	}

}
