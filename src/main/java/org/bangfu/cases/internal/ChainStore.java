package org.bangfu.cases.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.bangfu.cases.CaseType;
import org.bangfu.cases.ChainCommands.UpdateChain;
import org.bangfu.cases.ChainStepView;
import org.bangfu.cases.ChainView;
import org.bangfu.cases.ChecklistItem;
import org.bangfu.cases.DocumentKind;
import org.bangfu.cases.DocumentRule;
import org.bangfu.cases.Outcome;
import org.bangfu.cases.StepForm;
import org.bangfu.cases.StepLevel;
import org.bangfu.organisation.OrganisationType;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for review chains, their steps and the per-type document checklists. */
@Repository
public class ChainStore {

	private final JdbcClient jdbc;

	ChainStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<ChainView> all() {
		Map<Long, List<ChainStepView>> steps = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT s.* FROM cases_chain_step s JOIN cases_chain c ON c.id = s.chain_id
				WHERE c.retired_at IS NULL ORDER BY s.chain_id, s.position""")
			.query((rs, n) -> {
				steps.computeIfAbsent(rs.getLong("chain_id"), k -> new ArrayList<>()).add(step(rs));
				return null;
			})
			.list();
		return jdbc.sql("SELECT * FROM cases_chain WHERE retired_at IS NULL ORDER BY case_type, id")
			.query((rs, n) -> chain(rs, steps.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	public Optional<ChainView> find(long id) {
		List<ChainStepView> steps = jdbc.sql("SELECT * FROM cases_chain_step WHERE chain_id = ? ORDER BY position")
			.param(id)
			.query((rs, n) -> step(rs))
			.list();
		return jdbc.sql("SELECT * FROM cases_chain WHERE id = ?").param(id).query((rs, n) -> chain(rs, steps)).optional();
	}

	public ChainView require(long id) {
		return find(id).orElseThrow(() -> BangfuException.notFound("cases.chain.notFound", id));
	}

	public List<ChecklistItem> checklist(CaseType type) {
		return jdbc.sql("SELECT case_type, kind, rule, required, since FROM cases_checklist WHERE case_type = ? ORDER BY position, kind")
			.param(type.name())
			.query((rs, n) -> new ChecklistItem(CaseType.valueOf(rs.getString(1)), DocumentKind.valueOf(rs.getString(2)),
					DocumentRule.valueOf(rs.getString(3)), rs.getBoolean(4), rs.getTimestamp(5).toInstant()))
			.list();
	}

	/** Adds an item at the end (it applies to cases opened from now on) or changes an existing one's rule and flag. */
	public void putChecklistItem(CaseType type, DocumentKind kind, DocumentRule rule, boolean required, String login,
			java.time.Instant now) {
		jdbc.sql("""
				INSERT INTO cases_checklist (case_type, kind, rule, required, position, since, updated_at, updated_by)
				VALUES (:type, :kind, :rule, :required,
				        (SELECT coalesce(max(position), 0) + 1 FROM cases_checklist WHERE case_type = :type), :now, now(), :login)
				ON CONFLICT (case_type, kind) DO UPDATE SET rule = EXCLUDED.rule, required = EXCLUDED.required,
				       updated_at = now(), updated_by = EXCLUDED.updated_by""")
			.param("type", type.name())
			.param("kind", kind.name())
			.param("rule", rule.name())
			.param("required", required)
			.param("login", login)
			.param("now", java.sql.Timestamp.from(now))
			.update();
	}

	/** Gives a case type's checklist items the order of the kinds (1, 2, …). */
	public void orderChecklist(CaseType type, List<DocumentKind> kinds, String login) {
		for (int i = 0; i < kinds.size(); i++) {
			jdbc.sql("UPDATE cases_checklist SET position = ?, updated_at = now(), updated_by = ? WHERE case_type = ? AND kind = ?")
				.params(i + 1, login, type.name(), kinds.get(i).name())
				.update();
		}
	}

	public boolean removeChecklistItem(CaseType type, DocumentKind kind) {
		return jdbc.sql("DELETE FROM cases_checklist WHERE case_type = ? AND kind = ?").params(type.name(), kind.name()).update() > 0;
	}

	/** Whether any case (open or decided) uses the chain: its steps are then fixed, a change makes a new revision. */
	public boolean inUse(long chainId) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM cases_case WHERE chain_id = ?)").param(chainId).query(Boolean.class).single();
	}

	/**
	 * Gives the chain the steps (in this order; an id of 0 is a new step). An unused chain changes
	 * in place; a chain that cases use is retired and a new revision with the steps takes its place.
	 * Returns the id of the chain that now has the steps.
	 */
	public long replaceSteps(ChainView chain, int version, List<ChainStepView> steps, String login) {
		int n = jdbc.sql("UPDATE cases_chain SET version = version + 1, updated_at = now(), updated_by = ? WHERE id = ? AND version = ? AND retired_at IS NULL")
			.params(login, chain.id(), version)
			.update();
		stale(n, chain);
		if (inUse(chain.id())) {
			jdbc.sql("UPDATE cases_chain SET retired_at = now() WHERE id = ?").param(chain.id()).update();
			long next = jdbc.sql("""
					INSERT INTO cases_chain (code, name, name_en, case_type, organisation_type, notice_days, notice_working_days,
					                         effective_from, source, active, version, revision, updated_at, updated_by, default_chain)
					SELECT code, name, name_en, case_type, organisation_type, notice_days, notice_working_days, effective_from,
					       source, active, version, revision + 1, now(), ?, default_chain FROM cases_chain WHERE id = ? RETURNING id""")
				.params(login, chain.id())
				.query(Long.class)
				.single();
			jdbc.sql("UPDATE cases_chain SET superseded_by = ? WHERE id = ?").params(next, chain.id()).update();
			for (int i = 0; i < steps.size(); i++) {
				insertStep(next, i + 1, steps.get(i));
			}
			return next;
		}
		List<Long> kept = steps.stream().map(ChainStepView::id).filter(id -> id > 0).toList();
		jdbc.sql("DELETE FROM cases_chain_step WHERE chain_id = :chain AND NOT (id = ANY (CAST(:kept AS bigint[])))")
			.param("chain", chain.id())
			.param("kept", "{" + String.join(",", kept.stream().map(String::valueOf).toList()) + "}")
			.update();
		jdbc.sql("UPDATE cases_chain_step SET position = position + 1000 WHERE chain_id = ?").param(chain.id()).update();
		for (int i = 0; i < steps.size(); i++) {
			ChainStepView s = steps.get(i);
			if (s.id() > 0) {
				jdbc.sql("""
						UPDATE cases_chain_step SET position = ?, name = ?, name_en = ?, role = ?, level = ?, organisation_type = ?,
						       sla_days = ?, sla_working_days = ?, form = ?, required_documents = CAST(? AS text[]),
						       outcomes = CAST(? AS text[])
						WHERE id = ? AND chain_id = ?""")
					.params(i + 1, s.name(), s.nameEn(), s.role().name(), s.level().name(), orgType(s), s.slaDays(),
							s.slaWorkingDays(), s.form().name(), words(s.requiredDocuments()), words(s.outcomes()), s.id(),
							chain.id())
					.update();
			}
			else {
				insertStep(chain.id(), i + 1, s);
			}
		}
		return chain.id();
	}

	/** Whether any chain, current or retired, has the code (a new chain needs its own). */
	public boolean codeTaken(String code) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM cases_chain WHERE code = ?)").param(code).query(Boolean.class).single();
	}

	/** A new chain (revision 1) with the steps in order; returns its id. */
	public long create(String code, String name, String nameEn, CaseType type, OrganisationType organisationType,
			int noticeDays, boolean noticeWorkingDays, String effectiveFrom, String source, List<ChainStepView> steps,
			String login) {
		long id = jdbc.sql("""
				INSERT INTO cases_chain (code, name, name_en, case_type, organisation_type, notice_days, notice_working_days,
				                         effective_from, source, active, version, revision, updated_at, updated_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, 0, 1, now(), ?) RETURNING id""")
			.params(code, name, nameEn, type.name(), organisationType == null ? null : organisationType.name(), noticeDays,
					noticeWorkingDays, effectiveFrom, source, login)
			.query(Long.class)
			.single();
		for (int i = 0; i < steps.size(); i++) {
			insertStep(id, i + 1, steps.get(i));
		}
		return id;
	}

	/**
	 * Makes the chain the default of its case type and kind of organisation (the previous default
	 * of that type and kind stops being one), or stops it being the default.
	 */
	public void markDefault(ChainView chain, boolean on) {
		if (on) {
			jdbc.sql("""
					UPDATE cases_chain SET default_chain = FALSE
					WHERE retired_at IS NULL AND default_chain AND case_type = ? AND organisation_type IS NOT DISTINCT FROM ? AND id <> ?""")
				.params(chain.caseType().name(), chain.organisationType() == null ? null : chain.organisationType().name(),
						chain.id())
				.update();
		}
		jdbc.sql("UPDATE cases_chain SET default_chain = ? WHERE id = ?").params(on, chain.id()).update();
	}

	private void insertStep(long chainId, int position, ChainStepView s) {
		jdbc.sql("""
				INSERT INTO cases_chain_step (chain_id, position, code, name, name_en, role, level, organisation_type, sla_days,
				                              sla_working_days, form, required_documents, outcomes)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS text[]), CAST(? AS text[]))""")
			.params(chainId, position, s.code(), s.name(), s.nameEn(), s.role().name(), s.level().name(), orgType(s),
					s.slaDays(), s.slaWorkingDays(), s.form().name(), words(s.requiredDocuments()), words(s.outcomes()))
			.update();
	}

	private static String orgType(ChainStepView s) {
		return s.organisationType() == null ? null : s.organisationType().name();
	}

	private static String words(List<? extends Enum<?>> values) {
		return textArray(values.stream().distinct().map(Enum::name).toList());
	}

	public void update(ChainView chain, UpdateChain cmd, String login) {
		int n = jdbc.sql("""
				UPDATE cases_chain SET notice_days = ?, notice_working_days = coalesce(?, notice_working_days),
				       active = coalesce(?, active), version = version + 1,
				       updated_at = now(), updated_by = ?
				WHERE id = ? AND version = ? AND retired_at IS NULL""")
			.params(cmd.noticeDays(), cmd.noticeWorkingDays(), cmd.active(), login, chain.id(), cmd.version())
			.update();
		stale(n, chain);
	}

	private static void stale(int updated, ChainView chain) {
		if (updated == 0) {
			throw new BangfuException(Problem.CONFLICT, "cases.chain.stale", chain.name());
		}
	}

	/** A PostgreSQL array literal of simple words ({A,B}). */
	public static String textArray(List<String> words) {
		return "{" + String.join(",", words) + "}";
	}

	static <E extends Enum<E>> List<E> enums(Array array, Function<String, E> parse) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return Arrays.stream((String[]) array.getArray()).map(parse).toList();
	}

	private static ChainView chain(ResultSet rs, List<ChainStepView> steps) throws SQLException {
		String orgType = rs.getString("organisation_type");
		return new ChainView(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
				CaseType.valueOf(rs.getString("case_type")), orgType == null ? null : OrganisationType.valueOf(orgType),
				rs.getInt("notice_days"), rs.getBoolean("notice_working_days"), rs.getString("effective_from"),
				rs.getString("source"), rs.getBoolean("active"), rs.getInt("version"), List.copyOf(steps), rs.getInt("revision"),
				(Long) rs.getObject("superseded_by"), rs.getBoolean("default_chain"));
	}

	private static ChainStepView step(ResultSet rs) throws SQLException {
		String orgType = rs.getString("organisation_type");
		return new ChainStepView(rs.getLong("id"), rs.getInt("position"), rs.getString("code"), rs.getString("name"),
				rs.getString("name_en"), Role.valueOf(rs.getString("role")), StepLevel.valueOf(rs.getString("level")),
				orgType == null ? null : OrganisationType.valueOf(orgType), rs.getInt("sla_days"),
				rs.getBoolean("sla_working_days"), StepForm.valueOf(rs.getString("form")),
				enums(rs.getArray("required_documents"), DocumentKind::valueOf),
				enums(rs.getArray("outcomes"), Outcome::valueOf));
	}

}
