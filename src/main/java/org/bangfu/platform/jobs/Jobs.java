package org.bangfu.platform.jobs;

import java.util.List;
import java.util.Optional;

import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Persistent jobs in the database: submitted in the caller's transaction, claimed by one
 * instance with SELECT ... FOR UPDATE SKIP LOCKED, requeued if their instance dies.
 */
@Service
public class Jobs {

	static final String SELECT = """
			SELECT j.id, j.kind, j.status, j.organisation_id, j.created_by, j.created_at, j.started_at, j.finished_at,
			       j.progress_done, j.progress_total, j.progress_note, j.result, j.error, j.claimed_by
			FROM platform_job j
			""";

	private final JdbcClient jdbc;

	Jobs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Queues a job for the current user's organisation; returns its id. */
	@Transactional
	public long submit(String kind, String payload) {
		Actor actor = Actor.require();
		return submit(kind, payload, actor.organisationId(), actor.userId());
	}

	@Transactional
	public long submit(String kind, String payload, Long organisationId, Long createdBy) {
		return jdbc.sql("INSERT INTO platform_job (kind, payload, organisation_id, created_by) VALUES (?, ?, ?, ?) RETURNING id")
			.params(kind, payload == null ? "{}" : payload, organisationId, createdBy)
			.query(Long.class)
			.single();
	}

	/** A job the scope may see (one submitted by its organisation subtree). */
	public Optional<JobView> find(Scope scope, long id) {
		return jdbc.sql(SELECT + " JOIN organisation o ON o.id = j.organisation_id WHERE j.id = :id AND "
				+ Scope.sql("o.path"))
			.param("id", id)
			.param("scopePath", scope.likePattern())
			.query(JobView.class)
			.optional();
	}

	public JobView require(Scope scope, long id) {
		return find(scope, id).orElseThrow(() -> BangfuException.notFound("job.notFound", id));
	}

	/** Unscoped, for system use and tests. */
	public Optional<JobView> find(long id) {
		return jdbc.sql(SELECT + " WHERE j.id = ?").param(id).query(JobView.class).optional();
	}

	public List<JobView> recent(Scope scope, int limit) {
		return jdbc.sql(SELECT + " JOIN organisation o ON o.id = j.organisation_id WHERE " + Scope.sql("o.path")
				+ " ORDER BY j.id DESC LIMIT :limit")
			.param("scopePath", scope.likePattern())
			.param("limit", limit)
			.query(JobView.class)
			.list();
	}

	public long countRunning(Scope scope) {
		return jdbc.sql("SELECT count(*) FROM platform_job j JOIN organisation o ON o.id = j.organisation_id "
				+ "WHERE j.status IN ('QUEUED', 'RUNNING') AND " + Scope.sql("o.path"))
			.param("scopePath", scope.likePattern())
			.query(Long.class)
			.single();
	}

}
