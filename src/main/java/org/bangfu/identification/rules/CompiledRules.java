package org.bangfu.identification.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bangfu.shared.BangfuException;

/**
 * A rule set's rows compiled: conditions tried in order, the first that holds gives the
 * outcome, otherwise the default. A row that needs a standard which is not set for the
 * household's region and date stops the evaluation as 'undecided' (row -1) rather than
 * silently falling through. Row numbers are 1-based; 0 means the default.
 */
public final class CompiledRules {

	public static final int UNDECIDED = -1;

	public static final int DEFAULT = 0;

	/** The household was not yet filed on the date: no rule is tried (set by the caller, never by the rules). */
	public static final int NOT_FILED = -2;

	private final List<Expression> rows;

	private final Set<Fact> facts;

	private final Set<String> kinds;

	private CompiledRules(List<Expression> rows) {
		this.rows = List.copyOf(rows);
		Set<Fact> f = new LinkedHashSet<>();
		Set<String> k = new LinkedHashSet<>();
		rows.forEach(e -> {
			f.addAll(e.facts());
			k.addAll(e.kinds());
		});
		this.facts = Collections.unmodifiableSet(f);
		this.kinds = Collections.unmodifiableSet(k);
	}

	/** An error in one row (1-based): the message key and its arguments. */
	public record RowError(int row, String messageKey, Object[] args) {
	}

	/** Every row's problems (empty when all compile). */
	public static List<RowError> check(List<String> conditions, Set<String> knownKinds) {
		List<RowError> errors = new ArrayList<>();
		for (int i = 0; i < conditions.size(); i++) {
			try {
				Expression.condition(conditions.get(i), knownKinds);
			}
			catch (BangfuException ex) {
				errors.add(new RowError(i + 1, ex.messageKey(), ex.args()));
			}
		}
		return errors;
	}

	/** Compiles all rows; fails on the first bad one with field {@code rows[i].condition} (0-based i). */
	public static CompiledRules compile(List<String> conditions, Set<String> knownKinds) {
		List<Expression> rows = new ArrayList<>();
		for (int i = 0; i < conditions.size(); i++) {
			try {
				rows.add(Expression.condition(conditions.get(i), knownKinds));
			}
			catch (BangfuException ex) {
				throw BangfuException.badField("rows[" + i + "].condition", ex.messageKey(), ex.args());
			}
		}
		return new CompiledRules(rows);
	}

	public List<Expression> rows() {
		return rows;
	}

	public Set<Fact> facts() {
		return facts;
	}

	public Set<String> kinds() {
		return kinds;
	}

	/** One row as it was tried: its rendering with values and whether it held (true/false/null). */
	public record Step(int row, String rendered, Boolean result) {
	}

	/** The outcome row (-1 undecided, 0 default, 1..n), the rows tried, and the kinds found missing. */
	public record Trace(int matchedRow, List<Step> steps, List<String> missingKinds) {
	}

	public Trace evaluate(Env env, Words words) {
		List<Step> steps = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Expression e = rows.get(i);
			if (e.missing(env)) {
				List<String> missing = e.kinds().stream().filter(k -> env.standard(k) == null).toList();
				steps.add(new Step(i + 1, null, null));
				return new Trace(UNDECIDED, steps, missing);
			}
			Object v = e.eval(env);
			steps.add(new Step(i + 1, e.render(env, words), (Boolean) v));
			if (Boolean.TRUE.equals(v)) {
				return new Trace(i + 1, steps, List.of());
			}
		}
		return new Trace(DEFAULT, steps, List.of());
	}

	/** The matched row only (no rendering): what {@link #sql} computes. */
	public int match(Env env) {
		for (int i = 0; i < rows.size(); i++) {
			Expression e = rows.get(i);
			if (e.missing(env)) {
				return UNDECIDED;
			}
			if (Boolean.TRUE.equals(e.eval(env))) {
				return i + 1;
			}
		}
		return DEFAULT;
	}

	/** An SQL integer expression: the matched row, as {@link #match}. */
	public String sql(SqlNames names) {
		StringBuilder sb = new StringBuilder("(CASE");
		for (int i = 0; i < rows.size(); i++) {
			Expression e = rows.get(i);
			String missing = e.missingSql(names);
			if (!"FALSE".equals(missing)) {
				sb.append(" WHEN ").append(missing).append(" THEN ").append(UNDECIDED);
			}
			sb.append(" WHEN ").append(e.sql(names)).append(" THEN ").append(i + 1);
		}
		return sb.append(" ELSE ").append(DEFAULT).append(" END)").toString();
	}

}
