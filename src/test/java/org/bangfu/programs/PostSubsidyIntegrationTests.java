package org.bangfu.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.bangfu.registry.HouseholdCommands.MemberData;
import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.Health;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.shared.BangfuException;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Real-name post subsidies (以岗定补): a month's roster is generated from the post register by
 * tier, pro rata by days in post when a person starts or leaves within the month; the same ID
 * number in two posts at once and a person no longer in post are flagged and never paid; a month
 * is paid once; the roster is approved with four eyes and paid as a bank file whose lines add up.
 */
@IntegrationTest
@Import({ Fixtures.class, RosterWorld.class })
class PostSubsidyIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	RosterWorld world;

	@Autowired
	PostSubsidies posts;

	@Autowired
	Rosters rosters;

	@Autowired
	Payouts payouts;

	@Autowired
	BankFiles bank;

	@Autowired
	BankLayouts layouts;

	private static final LocalDate BIRTH = LocalDate.of(1975, 3, 1);

	@Test
	void monthsPayByTierProRataFlagDuplicatesAndLeaversAndGoToTheBankOnce() throws Exception {
		RosterWorld.World w = world.world("以岗定补");
		RosterWorld.as(w.finance(), () -> posts.saveTier(w.scope(), 1, new BigDecimal("800.00")));
		List<PostTier> tiers = RosterWorld.as(w.finance(), () -> posts.saveTier(w.scope(), 2, new BigDecimal("1000")));
		assertThat(tiers).extracting(PostTier::monthlyFen).containsExactly(80000L, 100000L, null, null, null);

		MemberData ranger = person(w, "张护林");
		MemberData cleaner = person(w, "李保洁");
		MemberData twice = person(w, "王双岗");
		MemberData leaver = person(w, "赵离岗");
		MemberData starter = person(w, "陈新岗");
		post(w, ranger, "护林员", 1, LocalDate.of(2026, 1, 1), null, "6217000000000000001");
		PostView cleaning = post(w, cleaner, "保洁员", 2, LocalDate.of(2026, 1, 1), null, "6217000000000000002");
		post(w, twice, "护林员", 1, LocalDate.of(2026, 6, 1), null, "6217000000000000003");
		post(w, twice, "保洁员", 2, LocalDate.of(2026, 10, 1), null, "6217000000000000003");
		PostView leaving = post(w, leaver, "护路员", 1, LocalDate.of(2026, 1, 1), null, "6217000000000000004");
		post(w, starter, "护林员", 1, LocalDate.of(2026, 11, 16), null, "6217000000000000005");

		// October: three in post all month; the two posts at once of one ID number are flagged, not paid
		CycleView october = month(w, YearMonth.of(2026, 10));
		assertThat(amounts(w, october)).containsExactlyInAnyOrderEntriesOf(
				Map.of("张护林", 80000L, "李保洁", 100000L, "赵离岗", 80000L));

		// 赵离岗 left on 31 October, 李保洁 leaves on 10 November, 陈新岗 starts on 16 November
		RosterWorld.as(w.finance(), () -> posts.end(w.scope(), leaving.id(), new PostEnd(LocalDate.of(2026, 10, 31), "辞职", 0)));
		RosterWorld.as(w.finance(),
				() -> posts.end(w.scope(), cleaning.id(), new PostEnd(LocalDate.of(2026, 11, 10), "调离", cleaning.version())));
		CycleView november = month(w, YearMonth.of(2026, 11));
		// 1,000.00 × 10 ÷ 30 = 333.333… → 333.33; 800.00 × 15 ÷ 30 = 400.00
		assertThat(amounts(w, november)).containsExactlyInAnyOrderEntriesOf(
				Map.of("张护林", 80000L, "李保洁", 33333L, "陈新岗", 40000L));
		assertThat(november.totalFen()).isEqualTo(153333L);
		String roster = Http.loggedIn(port, w.finance().login(), Fixtures.PASSWORD).get("/programs/cycles/" + november.id()).body();
		assertThat(roster).contains("李保洁", "¥333.33", "days_in_post", "陈新岗", "¥400.00").doesNotContain("赵离岗");
		PostFlagPage flags = RosterWorld.as(w.finance(), () -> posts.flags(w.scope(), november.id(), null, 1, 20));
		assertThat(flags.rows()).extracting(f -> f.personName() + ":" + f.kind())
			.containsExactlyInAnyOrder("王双岗:DUPLICATE", "王双岗:DUPLICATE", "赵离岗:NOT_IN_POST");

		// the month once: not a second cycle, and a repeated generation adds nothing
		assertRefused(() -> RosterWorld.as(w.finance(), () -> posts.openMonth(w.scope(), YearMonth.of(2026, 11))),
				"programs.cycle.periodTaken");
		world.waitFor(RosterWorld.as(w.finance(), () -> rosters.generate(w.scope(), november.id())));
		CycleView again = rosters.cycle(w.scope(), november.id());
		assertThat(again.lineCount()).isEqualTo(3);
		assertThat(again.totalFen()).isEqualTo(153333L);

		// four eyes, then the bank file: its lines go to the salary accounts and add up to its summary
		CycleView submitted = RosterWorld.as(w.finance(), () -> rosters.submit(w.scope(), november.id(), again.version()));
		assertRefused(() -> RosterWorld.as(w.finance(), () -> rosters.approve(w.scope(), november.id(), submitted.version())),
				"programs.fourEyes.submitter");
		RosterWorld.as(w.approver(), () -> rosters.approve(w.scope(), november.id(), submitted.version()));
		RosterWorld.as(w.finance(), () -> payouts.savePayer(w.scope(), "某县人社局", "1202020209000012345"));
		long layout = layouts.builtIn(w.scope()).id();
		BankBatchView batch = RosterWorld.as(w.finance(),
				() -> payouts.createBatch(w.scope(), november.id(), layout, LocalDate.of(2026, 12, 5)));
		String file = new String(download(w, batch.id()), BankData.GBK);
		List<String[]> details = file.lines().filter(l -> l.startsWith("D|")).map(l -> l.split("\\|")).toList();
		assertThat(details).hasSize(3);
		BigDecimal sum = details.stream().map(d -> new BigDecimal(d[4])).reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(sum).isEqualByComparingTo("1533.33");
		assertThat(file).startsWith("H|某县人社局|1202020209000012345|20261205|" + batch.batchNo() + "|3|1533.33\r\n");
		assertThat(details).extracting(d -> d[2] + "|" + d[3] + "|" + d[4])
			.containsExactlyInAnyOrder("张护林|6217000000000000001|800.00", "李保洁|6217000000000000002|333.33",
					"陈新岗|6217000000000000005|400.00");

		// the bank fails 张护林's line; its re-issue goes to the post's salary account, not the household's
		String[] failed = details.stream().filter(d -> d[2].equals("张护林")).findFirst().orElseThrow();
		StringBuilder answer = new StringBuilder("H|" + batch.batchNo() + "|3|1533.33|2|733.33|1|800.00\r\n");
		for (String[] d : details) {
			answer.append("D|").append(d[1]).append('|').append(d[2]).append('|').append(d[3]).append('|').append(d[4])
				.append(d == failed ? "|F|账户冻结" : "|S|").append("\r\n");
		}
		RosterWorld.as(w.finance(), () -> {
			try {
				return bank.importAnswer(w.scope(), batch.id(), "回盘.txt",
						new java.io.ByteArrayInputStream(BankData.gbk(answer.toString())));
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		});
		List<BankBatchView> followUps = RosterWorld.as(w.finance(),
				() -> payouts.reissueFailed(w.scope(), november.id(), LocalDate.of(2026, 12, 8)));
		assertThat(followUps).hasSize(1);
		String followUp = new String(download(w, followUps.get(0).id()), BankData.GBK);
		assertThat(followUp.lines().filter(l -> l.startsWith("D|")).map(l -> l.split("\\|")))
			.extracting(d -> d[2] + "|" + d[3] + "|" + d[4])
			.containsExactly("张护林|6217000000000000001|800.00");
		assertThat(followUp).doesNotContain(RosterWorld.ACCOUNT);
	}

	@Test
	void aPostNeedsTheRegistersRealNameAndStaysInItsOrganisation() {
		RosterWorld.World w = world.world("实名岗位");
		RosterWorld.World other = world.world("别处岗位");
		MemberData p = person(w, "孙实名");
		assertRefused(() -> RosterWorld.as(w.finance(), () -> posts.register(w.scope(), new NewPost(p.idNumber(), "孙冒名", "护林员",
				"一村", 1, LocalDate.of(2026, 1, 1), null, "中国农业银行", "6228480012345678"))), "posts.person.nameMismatch");
		assertRefused(() -> RosterWorld.as(other.finance(), () -> posts.register(other.scope(), new NewPost(p.idNumber(), "孙实名",
				"护林员", "一村", 1, LocalDate.of(2026, 1, 1), null, "中国农业银行", "6228480012345678"))), "posts.person.notInRegister");
		PostView post = post(w, p, "护林员", 3, LocalDate.of(2026, 1, 1), null, "6228480012345678");
		assertThat(post.accountMasked()).isEqualTo("6228********5678");
		assertThat(post.idNumberMasked()).doesNotContain(p.idNumber().substring(6, 14));
		PostPage found = RosterWorld.as(w.finance(),
				() -> posts.page(w.scope(), new PostQuery(null, p.idNumber(), null, null, "IN_POST", 1, 20)));
		assertThat(found.rows()).extracting(PostView::id).containsExactly(post.id());
		assertThat(RosterWorld.as(other.finance(), () -> posts.page(other.scope(), new PostQuery(null, p.idNumber(), null, null,
				null, 1, 20))).total()).isZero();
		assertRefused(() -> RosterWorld.as(other.finance(), () -> posts.post(other.scope(), post.id())), "posts.post.notFound");
		assertRefused(() -> RosterWorld.as(w.finance(), () -> posts.end(w.scope(), post.id(),
				new PostEnd(LocalDate.of(2025, 12, 31), "离岗", post.version()))), "posts.to.beforeFrom");
		RosterWorld.as(w.finance(), () -> posts.end(w.scope(), post.id(), new PostEnd(LocalDate.of(2026, 5, 31), "离岗", post.version())));
		assertRefused(() -> RosterWorld.as(w.finance(), () -> posts.end(w.scope(), post.id(),
				new PostEnd(LocalDate.of(2026, 6, 30), "离岗", post.version() + 1))), "posts.end.already");
	}

	private MemberData person(RosterWorld.World w, String name) {
		MemberData m = RosterWorld.member(name, BIRTH, Relation.HEAD, Employment.EMPLOYED, "0", Health.HEALTHY, null);
		world.file(w, List.of(Category.DIBAO), true, m);
		return m;
	}

	private PostView post(RosterWorld.World w, MemberData person, String postName, int tier, LocalDate from, LocalDate to,
			String account) {
		return RosterWorld.as(w.finance(), () -> posts.register(w.scope(),
				new NewPost(person.idNumber(), person.name(), postName, "一村", tier, from, to, "中国农业银行", account)));
	}

	private CycleView month(RosterWorld.World w, YearMonth month) throws InterruptedException {
		CycleView opened = RosterWorld.as(w.finance(), () -> posts.openMonth(w.scope(), month));
		world.waitFor(opened.jobId());
		return rosters.cycle(w.scope(), opened.id());
	}

	private Map<String, Long> amounts(RosterWorld.World w, CycleView c) {
		return world.lines(w, c.id()).stream().collect(Collectors.toMap(RosterLineView::payeeName, RosterLineView::amountFen));
	}

	private byte[] download(RosterWorld.World w, long batchId) throws Exception {
		BankFileDownload file = RosterWorld.as(w.finance(), () -> {
			try {
				return bank.download(w.scope(), batchId);
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		});
		try (InputStream in = Files.newInputStream(file.file(), StandardOpenOption.DELETE_ON_CLOSE)) {
			return in.readAllBytes();
		}
	}

	private static void assertRefused(Runnable work, String key) {
		assertThatThrownBy(work::run).isInstanceOfSatisfying(BangfuException.class, e -> assertThat(e.messageKey()).isEqualTo(key));
	}


}
