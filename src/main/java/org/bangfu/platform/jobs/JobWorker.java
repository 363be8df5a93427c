package org.bangfu.platform.jobs;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bangfu.platform.db.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Claims queued jobs (one instance per job, SKIP LOCKED), runs them on a small pool, keeps
 * a heartbeat, requeues jobs whose instance stopped beating, and fires recurring tasks.
 * <p>
 * A database outage stops nothing for good: a slot taken for a claim that fails is given back,
 * a job whose connection died under it goes back to the queue (it is idempotent), the end of a
 * job that cannot be written is kept and written once the database is back, and only the jobs
 * really running in this JVM get a heartbeat, so one whose end was lost is requeued after
 * {@code bangfu.jobs.stale-after} by any instance.
 */
@Component
@ConditionalOnProperty(name = "bangfu.jobs.enabled", havingValue = "true", matchIfMissing = true)
class JobWorker implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(JobWorker.class);

	private static final int MAX_ATTEMPTS = 3;

	/** The end of a job that lost its database: back to the queue unless out of attempts. */
	static final String REQUEUE = "REQUEUE";

	private final JdbcClient jdbc;

	private final Map<String, JobHandler> handlers;

	private final List<RecurringTask> recurring;

	private final Optional<JobActorResolver> actors;

	private final ExecutorService pool;

	private final Semaphore slots;

	private final Duration staleAfter;

	/** Jobs running in this JVM now: only they get a heartbeat. */
	private final Set<Long> running = ConcurrentHashMap.newKeySet();

	/** Ends of jobs that could not be written (the database was away), written when it is back. */
	private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();

	final String instanceId;

	JobWorker(JdbcClient jdbc, List<JobHandler> handlers, List<RecurringTask> recurring,
			Optional<JobActorResolver> actors, @Value("${bangfu.jobs.threads:2}") int threads,
			@Value("${bangfu.jobs.stale-after:60s}") Duration staleAfter) {
		this.jdbc = jdbc;
		this.handlers = handlers.stream().collect(Collectors.toMap(JobHandler::kind, Function.identity()));
		this.recurring = recurring;
		this.actors = actors;
		this.pool = Executors.newFixedThreadPool(threads, r -> {
			Thread t = new Thread(r, "bangfu-job");
			t.setDaemon(true);
			return t;
		});
		this.slots = new Semaphore(threads);
		this.staleAfter = staleAfter;
		this.instanceId = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Scheduled(fixedDelayString = "${bangfu.jobs.poll-interval:1s}", initialDelayString = "${bangfu.jobs.initial-delay:2s}")
	void poll() {
		if (!writeOutcomes()) {
			return; // the database is still away
		}
		while (slots.tryAcquire()) {
			Optional<Claimed> job;
			try {
				job = claim();
			}
			catch (RuntimeException ex) {
				// the slot goes back whatever claim() did: an outage must not use up the pool
				slots.release();
				log.warn("Cannot claim jobs ({}); will retry", ex.getMessage());
				return;
			}
			if (job.isEmpty()) {
				slots.release();
				return;
			}
			start(job.get());
		}
	}

	private void start(Claimed job) {
		running.add(job.id());
		try {
			pool.execute(() -> {
				try {
					run(job);
				}
				finally {
					running.remove(job.id());
					slots.release();
				}
			});
		}
		catch (RejectedExecutionException ex) {
			// shutting down: left RUNNING without a heartbeat, so a live instance requeues it
			running.remove(job.id());
			slots.release();
		}
	}

	record Claimed(long id, String kind, String payload, Long organisationId, Long createdBy) {
	}

	/** How a job ended here: DONE, FAILED or {@link #REQUEUE}. */
	record Outcome(long id, String status, String result, String error) {
	}

	/**
	 * Claims the oldest due job of a kind this instance can run. Kinds it has no handler for are
	 * left to other instances (e.g. a newer version during a rolling upgrade) instead of failing.
	 */
	Optional<Claimed> claim() {
		if (handlers.isEmpty()) {
			return Optional.empty();
		}
		return jdbc.sql("""
				UPDATE platform_job SET status = 'RUNNING', claimed_by = :me, started_at = coalesce(started_at, now()),
				       heartbeat_at = now(), attempts = attempts + 1
				WHERE id = (SELECT id FROM platform_job WHERE status = 'QUEUED' AND run_after <= now()
				            AND kind IN (:kinds) ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1)
				RETURNING id, kind, payload, organisation_id, created_by""")
			.param("me", instanceId)
			.param("kinds", List.copyOf(handlers.keySet()))
			.query(Claimed.class)
			.optional();
	}

	private void run(Claimed job) {
		JobHandler handler = handlers.get(job.kind());
		Outcome outcome;
		if (handler == null) {
			outcome = new Outcome(job.id(), "FAILED", null, "No handler for job kind " + job.kind());
		}
		else {
			outcome = execute(job, handler);
		}
		try {
			write(outcome);
		}
		catch (RuntimeException ex) {
			log.warn("Cannot record the end of job {} ({}); will retry", job.id(), ex.getMessage());
			outcomes.add(outcome);
		}
	}

	private Outcome execute(Claimed job, JobHandler handler) {
		try {
			if (job.createdBy() != null) {
				actors.flatMap(a -> a.authenticationFor(job.createdBy()))
					.ifPresent(auth -> SecurityContextHolder.getContext().setAuthentication(auth));
			}
			return new Outcome(job.id(), "DONE", handler.run(new Context(job)), null);
		}
		catch (Exception ex) {
			if (DatabaseOutage.causedBy(ex)) {
				log.warn("Job {} ({}) lost its database connection; it goes back to the queue", job.id(), job.kind(), ex);
				return new Outcome(job.id(), REQUEUE, null, String.valueOf(ex.getMessage()));
			}
			log.warn("Job {} ({}) failed", job.id(), job.kind(), ex);
			return new Outcome(job.id(), "FAILED", null, String.valueOf(ex.getMessage()));
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private void write(Outcome o) {
		if (REQUEUE.equals(o.status())) {
			jdbc.sql("""
					UPDATE platform_job SET status = CASE WHEN attempts >= :max THEN 'FAILED' ELSE 'QUEUED' END,
					       finished_at = CASE WHEN attempts >= :max THEN now() END,
					       error = :error, claimed_by = NULL, run_after = now() + interval '1 second'
					WHERE id = :id AND claimed_by = :me AND status = 'RUNNING'""")
				.param("max", MAX_ATTEMPTS)
				.param("error", o.error())
				.param("id", o.id())
				.param("me", instanceId)
				.update();
			return;
		}
		jdbc.sql("UPDATE platform_job SET status = ?, result = ?, error = ?, finished_at = now(), heartbeat_at = now() "
				+ "WHERE id = ? AND claimed_by = ?")
			.params(o.status(), o.result(), o.error(), o.id(), instanceId)
			.update();
	}

	/** Writes the job ends kept during an outage; whether none is left. */
	private boolean writeOutcomes() {
		Outcome o;
		while ((o = outcomes.peek()) != null) {
			try {
				write(o);
			}
			catch (RuntimeException ex) {
				return false;
			}
			outcomes.remove(o);
		}
		return true;
	}

	/** Keeps the jobs running in this JVM alive and requeues those of instances that stopped. */
	@Scheduled(fixedDelayString = "${bangfu.jobs.heartbeat-interval:10s}")
	void heartbeat() {
		try {
			writeOutcomes();
			Long[] mine = running.toArray(Long[]::new);
			if (mine.length > 0) {
				jdbc.sql("UPDATE platform_job SET heartbeat_at = now() WHERE status = 'RUNNING' AND claimed_by = ? "
						+ "AND id = ANY (?::bigint[])")
					.params(instanceId, mine)
					.update();
			}
			jdbc.sql("""
					UPDATE platform_job SET status = CASE WHEN attempts >= :max THEN 'FAILED' ELSE 'QUEUED' END,
					       error = CASE WHEN attempts >= :max THEN 'Abandoned after ' || attempts || ' attempts' ELSE error END,
					       claimed_by = NULL
					WHERE status = 'RUNNING' AND heartbeat_at < now() - make_interval(secs => :secs)""")
				.param("max", MAX_ATTEMPTS)
				.param("secs", (double) staleAfter.toSeconds())
				.update();
		}
		catch (RuntimeException ex) {
			log.warn("Job heartbeat failed ({}); will retry", ex.getMessage());
		}
	}

	@Scheduled(fixedDelayString = "${bangfu.jobs.schedule-interval:30s}", initialDelayString = "${bangfu.jobs.initial-delay:2s}")
	void fireRecurring() {
		try {
			for (RecurringTask task : recurring) {
				fire(task);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Cannot fire recurring tasks ({}); will retry", ex.getMessage());
		}
	}

	private void fire(RecurringTask task) {
		jdbc.sql("INSERT INTO platform_schedule (name, next_run) VALUES (?, now()) ON CONFLICT (name) DO NOTHING")
			.param(task.name())
			.update();
		boolean mine = jdbc.sql("""
				UPDATE platform_schedule SET next_run = now() + make_interval(secs => ?), last_run = now(), last_by = ?
				WHERE name = ? AND next_run <= now() RETURNING name""")
			.params((double) task.interval().toSeconds(), instanceId, task.name())
			.query(String.class)
			.optional()
			.isPresent();
		if (mine) {
			jdbc.sql("INSERT INTO platform_job (kind, payload) VALUES (?, '{}')").param(task.jobKind()).update();
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		pool.shutdown();
		// a job still running after this is requeued by another instance (or this one on its next start)
		pool.awaitTermination(3, TimeUnit.SECONDS);
	}

	private final class Context implements JobContext {

		private final Claimed job;

		Context(Claimed job) {
			this.job = job;
		}

		@Override
		public long jobId() {
			return job.id();
		}

		@Override
		public String payload() {
			return job.payload();
		}

		@Override
		public Long organisationId() {
			return job.organisationId();
		}

		@Override
		public Long createdBy() {
			return job.createdBy();
		}

		@Override
		public void progress(long done, Long total, String note) {
			jdbc.sql("UPDATE platform_job SET progress_done = ?, progress_total = ?, progress_note = ?, heartbeat_at = now() "
					+ "WHERE id = ?")
				.params(done, total, note, job.id())
				.update();
		}

	}

}
