package org.bangfu.identification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import org.bangfu.platform.jobs.JobView;
import org.bangfu.platform.jobs.Jobs;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Runs a batch evaluation job to the end and reads the decisions it made, by household. */
@TestComponent
public class Batches {

	private final Decisions decisions;

	private final Jobs jobs;

	private final JdbcClient jdbc;

	Batches(Decisions decisions, Jobs jobs, JdbcClient jdbc) {
		this.decisions = decisions;
		this.jobs = jobs;
		this.jdbc = jdbc;
	}

	/** A current decision the batch wrote. */
	public record Decided(long id, String outcome, int row, String region) {
	}

	public Map<Long, Decided> run(Places.Place place, String code, LocalDate on) throws InterruptedException {
		long job = decisions.startBatch(place.scope(), code, null, false, on);
		JobView done = await(job);
		assertThat(done.status()).as(code + " " + done.error()).isEqualTo("DONE");
		Map<Long, Decided> out = new TreeMap<>();
		jdbc.sql("SELECT id, household_id, outcome, matched_row, region_code FROM identification_decision WHERE job_id = ? AND current")
			.param(job)
			.query((rs, n) -> out.put(rs.getLong("household_id"),
					new Decided(rs.getLong("id"), rs.getString("outcome"), rs.getInt("matched_row"), rs.getString("region_code"))))
			.list();
		return out;
	}

	private JobView await(long job) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			JobView v = jobs.find(job).orElseThrow();
			if (v.status().equals("DONE") || v.status().equals("FAILED")) {
				return v;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("job " + job + " did not finish");
	}

}
