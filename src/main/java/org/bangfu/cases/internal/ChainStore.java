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
import org.bangfu.cases.ChainCommands.UpdateStep;
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
		jdbc.sql("SELECT * FROM cases_chain_step ORDER BY chain_id, position")
			.query((rs, n) -> {
				steps.computeIfAbsent(rs.getLong("chain_id"), k -> new ArrayList<>()).add(step(rs));
				return null;
			})
			.list();
		return jdbc.sql("SELECT * FROM cases_chain ORDER BY case_type, id")
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
		return jdbc.sql("SELECT case_type, kind, rule FROM cases_checklist WHERE case_type = ? ORDER BY position")
			.param(type.name())
			.query((rs, n) -> new ChecklistItem(CaseType.valueOf(rs.getString(1)), DocumentKind.valueOf(rs.getString(2)),
					DocumentRule.valueOf(rs.getString(3))))
			.list();
	}

	public void update(ChainView chain, UpdateChain cmd, String login) {
		int n = jdbc.sql("""
				UPDATE cases_chain SET notice_days = ?, notice_working_days = coalesce(?, notice_working_days),
				       active = coalesce(?, active), version = version + 1,
				       updated_at = now(), updated_by = ?
				WHERE id = ? AND version = ?""")
			.params(cmd.noticeDays(), cmd.noticeWorkingDays(), cmd.active(), login, chain.id(), cmd.version())
			.update();
		stale(n, chain);
	}

	public void updateStep(ChainView chain, ChainStepView step, UpdateStep cmd, String login) {
		int n = jdbc.sql("UPDATE cases_chain SET version = version + 1, updated_at = now(), updated_by = ? WHERE id = ? AND version = ?")
			.params(login, chain.id(), cmd.version())
			.update();
		stale(n, chain);
		List<DocumentKind> docs = cmd.requiredDocuments() == null ? List.of() : cmd.requiredDocuments();
		jdbc.sql("""
				UPDATE cases_chain_step SET role = ?, level = ?, organisation_type = ?, sla_days = ?,
				       sla_working_days = coalesce(?, sla_working_days),
				       required_documents = CAST(? AS text[]), outcomes = CAST(? AS text[])
				WHERE id = ?""")
			.params(cmd.role().name(), cmd.level().name(), cmd.organisationType() == null ? null : cmd.organisationType().name(),
					cmd.slaDays(), cmd.slaWorkingDays(), textArray(docs.stream().distinct().map(Enum::name).toList()),
					textArray(cmd.outcomes().stream().distinct().map(Enum::name).toList()), step.id())
			.update();
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
				rs.getString("source"), rs.getBoolean("active"), rs.getInt("version"), List.copyOf(steps));
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
