package org.bangfu.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import org.bangfu.platform.jobs.JobView;
import org.bangfu.programs.internal.bank.BankCipher;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.Health;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A cycle's bank batch, its bank answer and the re-issue of its failed line run as jobs: the API
 * answers 202 with the job's address, the job tells its progress and what it did, a refused answer
 * is the job's error with its problems and changes nothing, and each job run again after a crash
 * (requeued after it committed, as the heartbeat does when an instance dies) issues no second
 * batch and reconciles no line twice.
 */
@IntegrationTest
@Import({ Fixtures.class, RosterWorld.class })
class BankJobsIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	RosterWorld world;

	@Autowired
	Rosters rosters;

	@Autowired
	Payouts payouts;

	@Autowired
	BankJobs bankJobs;

	@Autowired
	BankLayouts layouts;

	@Autowired
	BankCipher cipher;

	@Autowired
	BusinessClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void batchAnswerAndReissueRunAsJobsAndAJobRunAgainAfterACrashPaysNobodyTwice() throws Exception {
		RosterWorld.World w = world.world("代发任务");
		LocalDate today = clock.today();
		int y = today.getYear();
		HouseholdView a = world.file(w, List.of(Category.DIBAO), true,
				RosterWorld.member("周任务", today.minusYears(60), Relation.HEAD, Employment.UNABLE, "0", Health.CHRONIC, null));
		HouseholdView b = world.file(w, List.of(Category.DIBAO), true,
				RosterWorld.member("吴任务", today.minusYears(55), Relation.HEAD, Employment.UNABLE, "0", Health.CHRONIC, null));
		CycleView c = world.run(w, "plan10-heating", "J" + w.place().organisation().id(), LocalDate.of(y, 11, 1),
				LocalDate.of(y, 11, 30));
		long layout = layouts.builtIn(w.scope()).id();
		CycleView s = RosterWorld.as(w.finance(), () -> rosters.submit(w.scope(), c.id(), c.version()));
		RosterWorld.as(w.approver(), () -> rosters.approve(w.scope(), c.id(), s.version()));
		// what can be refused at once is refused before anything is queued
		assertRefused(() -> RosterWorld.as(w.finance(), () -> bankJobs.submitBatch(w.scope(), c.id(), layout, null)),
				"programs.payout.payer.required");
		RosterWorld.as(w.finance(), () -> payouts.savePayer(w.scope(), "某县民政局", "1202020209000012345"));

		// the API queues the batch: 202 and the job's address, polled until the batch is there
		Http api = Http.basic(port, w.finance().login(), Fixtures.PASSWORD);
		HttpResponse<String> accepted = api.json("POST", "/api/v1/cycles/" + c.id() + "/bank-batch",
				"{\"layoutId\": " + layout + ", \"fileDate\": \"" + y + "-11-20\"}");
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		String location = accepted.headers().firstValue("Location").orElseThrow();
		JsonNode done = poll(api, location);
		assertThat(done.path("status").asString()).isEqualTo("DONE");
		assertThat(done.path("done").asLong()).isEqualTo(2);
		assertThat(done.path("total").asLong()).isEqualTo(2);
		assertThat(done.path("batches")).hasSize(1);
		long batchId = done.path("batches").get(0).path("id").asLong();
		String batchNo = done.path("batches").get(0).path("batchNo").asString();
		long job = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(world.lines(w, c.id())).extracting(RosterLineView::paymentStatus).containsOnly("SENT");

		// the instance died after the commit: the job runs again and finds its batch, issuing none
		rerun(job);
		assertThat(job(w, job).batches()).extracting(BankBatchView::id).containsExactly(batchId);
		assertThat(batchesOf(c.id())).isEqualTo(1);
		// and a second job for the same cycle is refused: nothing is left to send
		assertRefused(() -> RosterWorld.as(w.finance(), () -> bankJobs.submitBatch(w.scope(), c.id(), layout, null)),
				"programs.payout.nothingToSend");

		List<RosterLineView> lines = world.lines(w, c.id());
		long fen = lines.get(0).amountFen();
		String yuan = BigDecimal.valueOf(fen, 2).toPlainString();
		String total = BigDecimal.valueOf(2 * fen, 2).toPlainString();
		int seqA = lines.indexOf(lines.stream().filter(l -> l.householdId() == a.id()).findFirst().orElseThrow()) + 1;
		int seqB = 3 - seqA;

		// a return whose summary does not add up is the job's error, with its problems; nothing changes
		byte[] wrong = BankData.gbk("H|" + batchNo + "|2|" + total + "|2|" + total + "|0|0.00\r\n"
				+ "D|" + seqA + "|周任务|" + RosterWorld.ACCOUNT + "|" + yuan + "|S|\r\n");
		long refusedJob = submitAnswer(w, batchId, wrong);
		assertThat(await(refusedJob).status()).isEqualTo("FAILED");
		BankJob refused = job(w, refusedJob);
		assertThat(refused.errorKey()).isEqualTo("bank.return.refused");
		assertThat(refused.problems()).isNotEmpty();
		assertThat(world.lines(w, c.id())).extracting(RosterLineView::paymentStatus).containsOnly("SENT");

		// the bank pays 周任务 and 吴任务's account is closed
		byte[] ret = BankData.gbk("H|" + batchNo + "|2|" + total + "|1|" + yuan + "|1|" + yuan + "\r\n"
				+ "D|" + seqA + "|周任务|" + RosterWorld.ACCOUNT + "|" + yuan + "|S|\r\n"
				+ "D|" + seqB + "|吴任务|" + RosterWorld.ACCOUNT + "|" + yuan + "|F|账户已销户\r\n");
		long answerJob = submitAnswer(w, batchId, ret);
		world.waitFor(answerJob);
		assertThat(job(w, answerJob).answer()).isEqualTo(new BankReturnResult(batchId, true, 1, 1));
		rerun(answerJob);
		assertThat(job(w, answerJob).answer()).isEqualTo(new BankReturnResult(batchId, false, 1, 1));
		assertThat(jdbc.sql("SELECT count(*) FROM programs_bank_return WHERE batch_id = ?").param(batchId).query(Long.class)
			.single()).as("answers recorded for the batch").isEqualTo(1);

		// the account corrected, the failed line is re-issued by a job, once, however often the job runs
		String corrected = "6217000011112222333";
		jdbc.sql("UPDATE registry_household SET bank_account_enc = ?, bank_account_hash = ?, bank_account_masked = ? WHERE id = ?")
			.params(cipher.encrypt(corrected), cipher.hash(corrected), "6217***********2333", b.id()).update();
		long reissue = RosterWorld.as(w.finance(), () -> bankJobs.submitReissue(w.scope(), c.id(), null));
		world.waitFor(reissue);
		BankJob reissued = job(w, reissue);
		assertThat(reissued.batches()).singleElement().satisfies(f -> {
			assertThat(f.followUpOf()).isEqualTo(batchId);
			assertThat(f.lineCount()).isEqualTo(1);
		});
		rerun(reissue);
		assertThat(job(w, reissue).batches()).extracting(BankBatchView::id)
			.containsExactly(reissued.batches().get(0).id());
		assertThat(batchesOf(c.id())).isEqualTo(2);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM programs_bank_line bl JOIN programs_roster_line l ON l.id = bl.reference
				WHERE l.cycle_id = ? AND bl.status IN ('SENT', 'PAID')""").param(c.id()).query(Long.class).single())
			.as("bank lines paid or waiting, one per roster line").isEqualTo(2);
	}

	private long submitAnswer(RosterWorld.World w, long batchId, byte[] bytes) {
		return RosterWorld.as(w.finance(), () -> {
			try {
				return bankJobs.submitAnswer(w.scope(), batchId, "回盘.txt", new ByteArrayInputStream(bytes));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	private BankJob job(RosterWorld.World w, long job) {
		return RosterWorld.as(w.finance(), () -> bankJobs.job(w.scope(), job));
	}

	/** What the heartbeat does to a job whose instance died after its work committed: back to the queue. */
	private void rerun(long job) throws InterruptedException {
		jdbc.sql("UPDATE platform_job SET status = 'QUEUED', claimed_by = NULL, result = NULL, finished_at = NULL WHERE id = ?")
			.param(job)
			.update();
		world.waitFor(job);
	}

	private JobView await(long job) throws InterruptedException {
		for (int i = 0; i < 600; i++) {
			JobView v = world.jobs.find(job).orElseThrow();
			if (v.finished()) {
				return v;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("job did not finish");
	}

	private long batchesOf(long cycleId) {
		return jdbc.sql("""
				SELECT count(DISTINCT bl.batch_id) FROM programs_bank_line bl JOIN programs_roster_line l ON l.id = bl.reference
				WHERE l.cycle_id = ?""").param(cycleId).query(Long.class).single();
	}

	private static JsonNode poll(Http api, String location) throws InterruptedException {
		for (int i = 0; i < 300; i++) {
			HttpResponse<String> r = api.get(location);
			assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
			JsonNode node = JSON.readTree(r.body());
			if (node.path("finished").asBoolean()) {
				return node;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("job did not finish: " + location);
	}

	private static void assertRefused(Runnable action, String key) {
		assertThatThrownBy(action::run).isInstanceOf(BangfuException.class)
			.satisfies(ex -> assertThat(((BangfuException) ex).messageKey()).isEqualTo(key));
	}

}
