package org.bangfu.identification.rules;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One compiled condition or value of the rule language: parsed, type-checked, with the facts
 * and standard kinds it uses. Compiled twice in effect: {@link #eval} (Java, with an
 * explanation through {@link #render}) and {@link #sql} (over the facts relation, for batch and
 * what-if); both give the same answer.
 */
public final class Expression {

	private final String source;

	private final Node root;

	private final Set<Fact> facts;

	private final Set<String> kinds;

	private Expression(String source, Node root) {
		this.source = source;
		this.root = root;
		Set<Fact> f = new LinkedHashSet<>();
		Set<String> k = new LinkedHashSet<>();
		root.collect(f, k);
		this.facts = Collections.unmodifiableSet(f);
		this.kinds = Collections.unmodifiableSet(k);
	}

	/**
	 * Parses and checks; fails with a {@code BangfuException} on field {@code condition} whose
	 * message key starts with {@code identification.expr.} and whose first argument is the
	 * 1-based column of the problem.
	 */
	public static Expression compile(String source, Set<String> knownKinds) {
		return new Expression(source.strip(), Parser.parse(source, knownKinds));
	}

	/** Like {@link #compile} and also requires a yes/no result. */
	public static Expression condition(String source, Set<String> knownKinds) {
		Expression e = compile(source, knownKinds);
		if (e.type() != Type.BOOLEAN) {
			throw org.bangfu.shared.BangfuException.badField("condition", "identification.expr.notCondition", 1);
		}
		return e;
	}

	public String source() {
		return source;
	}

	public Type type() {
		return root.type();
	}

	public Set<Fact> facts() {
		return facts;
	}

	public Set<String> kinds() {
		return kinds;
	}

	/** A BigDecimal (exact when it has a decimal form, else to 34 digits), a Boolean, or null for 'no value'. */
	public Object eval(Env env) {
		Object v = root.eval(env);
		return v instanceof Ratio r ? r.toBigDecimal() : v;
	}

	/** A {@link Ratio}, a Boolean, or null: the exact value. */
	public Object exact(Env env) {
		return root.eval(env);
	}

	public boolean missing(Env env) {
		return root.missing(env);
	}

	public String sql(SqlNames names) {
		return root.sql(names);
	}

	public String missingSql(SqlNames names) {
		return root.missingSql(names);
	}

	/** Facts and standards named with their values, comparisons marked ✓/✗/?; e.g. '(年收入 24,000.00 − 年刚性支出 6,000.00) ÷ 12 ÷ 家庭人口 3 = 500.00 < 2 × 城市低保标准 300.00 = 600.00 ✓'. */
	public String render(Env env, Words words) {
		Object v = root.eval(env);
		String text = root.render(env, words);
		if (root instanceof Node.Compare || root instanceof Node.Logic || root instanceof Node.Not || root.simple()) {
			return text;
		}
		return text + " = " + words.value(v);
	}

}
