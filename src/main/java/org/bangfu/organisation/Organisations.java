package org.bangfu.organisation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bangfu.audit.AuditLog;
import org.bangfu.organisation.OrganisationCommands.CreateOrganisation;
import org.bangfu.organisation.OrganisationCommands.UpdateOrganisation;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Scope;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation tree. Every method takes the caller's {@link Scope}: an organisation
 * outside it does not exist for that caller (reads answer "not found", never "forbidden",
 * so a sibling's existence does not leak).
 */
@Service
public class Organisations {

	private static final String SELECT = """
			SELECT o.id, o.code, o.name, o.type, o.region_code, r.name AS region_name, o.parent_id,
			       p.name AS parent_name, o.path, o.active
			FROM organisation o
			LEFT JOIN organisation_region r ON r.code = o.region_code
			LEFT JOIN organisation p ON p.id = o.parent_id
			""";

	private final JdbcClient jdbc;

	private final Regions regions;

	private final AuditLog audit;

	Organisations(JdbcClient jdbc, Regions regions, AuditLog audit) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.audit = audit;
	}

	/** The whole subtree visible in the scope, in tree order. */
	public List<OrganisationView> tree(Scope scope) {
		return jdbc.sql(SELECT + " WHERE " + Scope.sql("o.path") + " ORDER BY o.path")
			.param("scopePath", scope.likePattern())
			.query(OrganisationView.class)
			.list();
	}

	public Optional<OrganisationView> find(Scope scope, long id) {
		return jdbc.sql(SELECT + " WHERE o.id = :id AND " + Scope.sql("o.path"))
			.param("id", id)
			.param("scopePath", scope.likePattern())
			.query(OrganisationView.class)
			.optional();
	}

	public OrganisationView require(Scope scope, long id) {
		return find(scope, id).orElseThrow(() -> BangfuException.notFound("organisation.notFound", id));
	}

	/** Looks an organisation up by its code, within the scope. */
	public Optional<OrganisationView> findByCode(Scope scope, String code) {
		return jdbc.sql(SELECT + " WHERE lower(o.code) = lower(:code) AND " + Scope.sql("o.path"))
			.param("code", code == null ? "" : code.trim())
			.param("scopePath", scope.likePattern())
			.query(OrganisationView.class)
			.optional();
	}

	/** Unscoped read for system use (login, jobs): the path of an organisation. */
	public Optional<String> pathOf(long id) {
		return jdbc.sql("SELECT path FROM organisation WHERE id = ?").param(id).query(String.class).optional();
	}

	public long countActive(Scope scope) {
		return jdbc.sql("SELECT count(*) FROM organisation o WHERE o.active AND " + Scope.sql("o.path"))
			.param("scopePath", scope.likePattern())
			.query(Long.class)
			.single();
	}

	@Transactional
	public OrganisationView create(Scope scope, CreateOrganisation cmd) {
		OrganisationView parent = require(scope, cmd.parentId());
		if (!parent.active()) {
			throw BangfuException.badField("parentId", "organisation.parent.inactive", parent.name());
		}
		if (cmd.type() == OrganisationType.PLATFORM) {
			throw BangfuException.badField("type", "organisation.type.platformReserved");
		}
		RegionView region = regions.require(cmd.regionCode());
		checkUniqueCode(cmd.code(), null);
		checkUniqueSiblingName(cmd.parentId(), cmd.name().trim(), null);
		long id = jdbc.sql("""
				INSERT INTO organisation (code, name, type, region_code, parent_id, path)
				VALUES (?, ?, ?, ?, ?, '/') RETURNING id""")
			.params(cmd.code().trim(), cmd.name().trim(), cmd.type().name(), region.code(), cmd.parentId())
			.query(Long.class)
			.single();
		jdbc.sql("UPDATE organisation SET path = ? WHERE id = ?").params(parent.path() + id + "/", id).update();
		OrganisationView created = require(scope, id);
		audit.record("organisation.create", "organisation", id, Map.of("after", snapshot(created)));
		return created;
	}

	@Transactional
	public OrganisationView update(Scope scope, long id, UpdateOrganisation cmd) {
		OrganisationView before = require(scope, id);
		if (before.type() == OrganisationType.PLATFORM && cmd.type() != OrganisationType.PLATFORM
				|| before.type() != OrganisationType.PLATFORM && cmd.type() == OrganisationType.PLATFORM) {
			throw BangfuException.badField("type", "organisation.type.platformReserved");
		}
		RegionView region = regions.require(cmd.regionCode());
		checkUniqueSiblingName(before.parentId(), cmd.name().trim(), id);
		jdbc.sql("UPDATE organisation SET name = ?, type = ?, region_code = ?, updated_at = now() WHERE id = ?")
			.params(cmd.name().trim(), cmd.type().name(), region.code(), id)
			.update();
		OrganisationView after = require(scope, id);
		audit.record("organisation.update", "organisation", id,
				Map.of("before", snapshot(before), "after", snapshot(after)));
		return after;
	}

	/**
	 * Moves an organisation (with its subtree) under a new parent in the same scope. Moving
	 * it under itself or one of its descendants would make a cycle and is refused.
	 */
	@Transactional
	public OrganisationView move(Scope scope, long id, long newParentId) {
		OrganisationView org = require(scope, id);
		if (org.parentId() == null || org.path().equals(scope.path())) {
			throw new BangfuException(Problem.BAD_INPUT, "organisation.move.root");
		}
		OrganisationView parent = require(scope, newParentId);
		if (parent.path().startsWith(org.path())) {
			throw BangfuException.badField("newParentId", "organisation.move.cycle", org.name(), parent.name());
		}
		checkUniqueSiblingName(newParentId, org.name(), id);
		String newPath = parent.path() + id + "/";
		jdbc.sql("""
				UPDATE organisation SET path = :newPath || substr(path, length(:oldPath) + 1), updated_at = now()
				WHERE path LIKE :oldPrefix""")
			.param("newPath", newPath)
			.param("oldPath", org.path())
			.param("oldPrefix", new Scope(id, org.path()).likePattern())
			.update();
		jdbc.sql("UPDATE organisation SET parent_id = ? WHERE id = ?").params(newParentId, id).update();
		OrganisationView after = require(scope, id);
		audit.record("organisation.move", "organisation", id,
				Map.of("before", snapshot(org), "after", snapshot(after)));
		return after;
	}

	/** Deactivates an organisation; its subtree must be deactivated first. */
	@Transactional
	public OrganisationView setActive(Scope scope, long id, boolean active) {
		OrganisationView before = require(scope, id);
		if (before.path().equals(scope.path()) && !active) {
			throw new BangfuException(Problem.BAD_INPUT, "organisation.deactivate.own");
		}
		if (!active) {
			long activeChildren = jdbc.sql("SELECT count(*) FROM organisation WHERE parent_id = ? AND active")
				.param(id)
				.query(Long.class)
				.single();
			if (activeChildren > 0) {
				throw new BangfuException(Problem.CONFLICT, "organisation.deactivate.children", activeChildren);
			}
		}
		else if (before.parentId() != null) {
			boolean parentActive = jdbc.sql("SELECT active FROM organisation WHERE id = ?")
				.param(before.parentId())
				.query(Boolean.class)
				.single();
			if (!parentActive) {
				throw new BangfuException(Problem.CONFLICT, "organisation.parent.inactive", before.parentName());
			}
		}
		jdbc.sql("UPDATE organisation SET active = ?, updated_at = now() WHERE id = ?").params(active, id).update();
		OrganisationView after = require(scope, id);
		audit.record(active ? "organisation.activate" : "organisation.deactivate", "organisation", id,
				Map.of("before", snapshot(before), "after", snapshot(after)));
		return after;
	}

	/**
	 * Deletes an organisation that nothing refers to. Any row of any module that points at
	 * it (a child, a user, a household …) makes the database refuse, and the user is told.
	 */
	@Transactional
	public void delete(Scope scope, long id) {
		OrganisationView org = require(scope, id);
		if (org.parentId() == null || org.path().equals(scope.path())) {
			throw new BangfuException(Problem.BAD_INPUT, "organisation.delete.root");
		}
		try {
			jdbc.sql("DELETE FROM organisation WHERE id = ?").param(id).update();
		}
		catch (DataIntegrityViolationException ex) {
			throw new BangfuException(Problem.CONFLICT, "organisation.delete.inUse", org.name());
		}
		audit.record("organisation.delete", "organisation", id, Map.of("before", snapshot(org)));
	}

	private void checkUniqueCode(String code, Long exceptId) {
		boolean taken = jdbc.sql("SELECT count(*) FROM organisation WHERE lower(code) = lower(?) AND id <> ?")
			.params(code.trim(), exceptId == null ? -1 : exceptId)
			.query(Long.class)
			.single() > 0;
		if (taken) {
			throw BangfuException.badField("code", "organisation.code.taken", code);
		}
	}

	private void checkUniqueSiblingName(Long parentId, String name, Long exceptId) {
		boolean taken = jdbc.sql("SELECT count(*) FROM organisation WHERE parent_id = ? AND name = ? AND id <> ?")
			.params(parentId, name, exceptId == null ? -1 : exceptId)
			.query(Long.class)
			.single() > 0;
		if (taken) {
			throw BangfuException.badField("name", "organisation.name.taken", name);
		}
	}

	private static Map<String, Object> snapshot(OrganisationView o) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("code", o.code());
		m.put("name", o.name());
		m.put("type", o.type().name());
		m.put("regionCode", o.regionCode());
		m.put("parentId", o.parentId());
		m.put("active", o.active());
		return m;
	}

}
