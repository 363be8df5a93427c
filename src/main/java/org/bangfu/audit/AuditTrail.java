package org.bangfu.audit;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit log for auditors, always within a scope: records made in an organisation of
 * the scope's subtree, plus records without organisation (system, failed logins) only for a
 * scope at the root of the tree.
 */
@Service
public class AuditTrail {

	public static final int MAX_PAGE_SIZE = 100;

	private static final String FROM = """
			FROM audit_event e LEFT JOIN organisation o ON o.id = e.organisation_id
			WHERE (%s OR (e.organisation_id IS NULL AND :atRoot))""".formatted(Scope.sql("o.path"));

	private final JdbcClient jdbc;

	private final JdbcClient streaming;

	AuditTrail(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(500);
		this.streaming = JdbcClient.create(template);
	}

	public AuditPage page(Scope scope, AuditFilter filter, int page, int size) {
		int safeSize = Math.max(1, Math.min(MAX_PAGE_SIZE, size));
		int safePage = Math.max(1, page);
		Query q = query(scope, filter);
		long total = jdbc.sql("SELECT count(*) " + q.sql()).params(q.params()).query(Long.class).single();
		List<AuditRow> rows = jdbc.sql(select(q) + " ORDER BY e.id DESC LIMIT :limit OFFSET :offset")
			.params(q.params())
			.param("limit", safeSize)
			.param("offset", (long) (safePage - 1) * safeSize)
			.query(AuditRow.class)
			.list();
		return new AuditPage(rows, safePage, safeSize, total);
	}

	/** Hands every matching record, newest first, to the consumer without loading them all. */
	@Transactional(readOnly = true)
	public void forEach(Scope scope, AuditFilter filter, Consumer<AuditRow> consumer) {
		Query q = query(scope, filter);
		try (Stream<AuditRow> rows = streaming.sql(select(q) + " ORDER BY e.id DESC")
			.params(q.params())
			.query(AuditRow.class)
			.stream()) {
			rows.forEach(consumer);
		}
	}

	/** Whether a scope is the whole tree (its organisation is the root). */
	static boolean atRoot(Scope scope) {
		return scope.wholeTree();
	}

	private record Query(String sql, Map<String, Object> params) {
	}

	private static String select(Query q) {
		return """
				SELECT e.id, e.occurred_at, e.actor_login, e.organisation_id, o.name AS organisation_name, e.action,
				       e.object_type, e.object_id, e.detail, e.client_address
				""" + q.sql();
	}

	private static Query query(Scope scope, AuditFilter f) {
		StringBuilder sql = new StringBuilder(FROM);
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("scopePath", scope.likePattern());
		params.put("atRoot", atRoot(scope));
		List<String> where = new ArrayList<>();
		if (f.from() != null) {
			where.add("e.occurred_at >= :from");
			params.put("from", startOf(f.from()));
		}
		if (f.to() != null) {
			where.add("e.occurred_at < :to");
			params.put("to", startOf(f.to().plusDays(1)));
		}
		if (f.actor() != null) {
			where.add("lower(e.actor_login) = lower(:actor)");
			params.put("actor", f.actor());
		}
		if (f.action() != null) {
			where.add("e.action = :action");
			params.put("action", f.action());
		}
		if (f.objectType() != null) {
			where.add("e.object_type = :objectType");
			params.put("objectType", f.objectType());
		}
		if (f.objectId() != null) {
			where.add("e.object_id = :objectId");
			params.put("objectId", f.objectId());
		}
		where.forEach(w -> sql.append(" AND ").append(w));
		return new Query(sql.toString(), params);
	}

	private static Timestamp startOf(LocalDate day) {
		return Timestamp.from(day.atStartOfDay(BusinessClock.zone()).toInstant());
	}

}
