package org.bangfu.identification.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.bangfu.identification.StandardBasis;

/**
 * A parsed, type-checked expression. Each node can be evaluated in Java (three-valued: a
 * value or null for 'no value', the way SQL does it), written as SQL over the facts
 * relation, asked whether it needs a standard that is missing, and rendered with values
 * substituted for an explanation. The Java and SQL meanings are kept identical:
 * <ul>
 * <li>numbers are exact quotients ({@link Ratio}; in SQL a numerator and a denominator,
 * {@link SqlRatio}): + − × ÷ and comparisons never round; ÷ 0 gives no value; only
 * {@code round2} rounds (half away from zero, to the fen);</li>
 * <li>a comparison with no value gives no value; and/or/not follow SQL's three-valued logic;</li>
 * <li>min/max skip missing values (SQL LEAST/GREATEST); if(c, a, b) is b unless c is yes.</li>
 * </ul>
 */
sealed interface Node {

	Type type();

	int pos();

	/** A {@link Ratio} for numbers, a Boolean for yes/no, or null for no value. */
	Object eval(Env env);

	/** The SQL of a number as an exact pair (numbers only). */
	default SqlRatio num(SqlNames names) {
		throw new IllegalStateException("not a number");
	}

	/** Whether evaluating this node touches a standard that is not set (SQL: {@link #missingSql}). */
	boolean missing(Env env);

	String sql(SqlNames names);

	/** SQL that is true when {@link #missing} would be; 'FALSE' when the node uses no standard. */
	String missingSql(SqlNames names);

	/** The node with values in place of names (no result appended). */
	String render(Env env, Words words);

	/** True for literals, facts and standards: a rendered comparison side needs no '= value'. */
	default boolean simple() {
		return false;
	}

	void collect(Set<Fact> facts, Set<String> kinds);

	/** The SQL of a yes/no node; a number as one (inexact) numeric, never used for a decision. */
	default String numberSql(SqlNames names) {
		return num(names).approximate();
	}

	private static String or(String a, String b) {
		if ("FALSE".equals(a)) {
			return b;
		}
		if ("FALSE".equals(b)) {
			return a;
		}
		return "(" + a + " OR " + b + ")";
	}

	record Num(BigDecimal value, String text, int pos) implements Node {

		public Type type() {
			return Type.NUMBER;
		}

		public Object eval(Env env) {
			return Ratio.of(value);
		}

		public boolean missing(Env env) {
			return false;
		}

		public SqlRatio num(SqlNames names) {
			return SqlRatio.of("CAST('" + value.toPlainString() + "' AS numeric)");
		}

		public String sql(SqlNames names) {
			return numberSql(names);
		}

		public String missingSql(SqlNames names) {
			return "FALSE";
		}

		public String render(Env env, Words words) {
			return text;
		}

		public boolean simple() {
			return true;
		}

		public void collect(Set<Fact> facts, Set<String> kinds) {
		}

	}

	record Bool(boolean value, int pos) implements Node {

		public Type type() {
			return Type.BOOLEAN;
		}

		public Object eval(Env env) {
			return value;
		}

		public boolean missing(Env env) {
			return false;
		}

		public String sql(SqlNames names) {
			return value ? "TRUE" : "FALSE";
		}

		public String missingSql(SqlNames names) {
			return "FALSE";
		}

		public String render(Env env, Words words) {
			return words.value(value);
		}

		public boolean simple() {
			return true;
		}

		public void collect(Set<Fact> facts, Set<String> kinds) {
		}

	}

	/**
	 * A fact. A derived fact is its numerator fact ÷ size (0 for an empty household) or ÷ 12 exactly,
	 * read from its parts in Java and SQL alike unless a test case gives it directly.
	 */
	record FactRef(Fact fact, int pos) implements Node {

		public Type type() {
			return fact.type();
		}

		public Object eval(Env env) {
			return fact.type() == Type.BOOLEAN ? env.fact(fact) : env.number(fact);
		}

		public boolean missing(Env env) {
			return false;
		}

		public SqlRatio num(SqlNames names) {
			if (fact.numerator() == null) {
				return SqlRatio.of(names.fact(fact));
			}
			if (fact.per() == Fact.Per.TWELVE) {
				return new SqlRatio(names.fact(fact.numerator()), "CAST(12 AS numeric)");
			}
			String size = names.fact(Fact.SIZE);
			return new SqlRatio("(CASE WHEN " + size + " = 0 THEN 0 ELSE " + names.fact(fact.numerator()) + " END)",
					"greatest(" + size + ", 1)");
		}

		public String sql(SqlNames names) {
			return fact.type() == Type.BOOLEAN ? names.fact(fact) : numberSql(names);
		}

		public String missingSql(SqlNames names) {
			return "FALSE";
		}

		/** Named with its value: '自有住房 = 否', '年收入 24,000.00'. */
		public String render(Env env, Words words) {
			String label = words.factLabel().apply(fact);
			return fact.type() == Type.BOOLEAN ? label + " = " + words.value(eval(env)) : label + " " + words.value(eval(env));
		}

		public boolean simple() {
			return true;
		}

		public void collect(Set<Fact> facts, Set<String> kinds) {
			facts.add(fact);
			if (fact.numerator() != null) {
				facts.add(fact.numerator());
			}
			if (fact.per() == Fact.Per.SIZE) {
				facts.add(Fact.SIZE);
			}
		}

	}

	/** A standard: as stored (std), per month (std_month: a yearly figure ÷ 12, exactly) or per year (std_year: × 12). */
	record Std(String kind, Mode mode, int pos) implements Node {

		enum Mode {

			AS_SET("std"), MONTH("std_month"), YEAR("std_year");

			final String function;

			Mode(String function) {
				this.function = function;
			}

		}

		public Type type() {
			return Type.NUMBER;
		}

		public Object eval(Env env) {
			Env.StandardValue s = env.standard(kind);
			if (s == null) {
				return null;
			}
			return convert(s.value(), s.basis(), mode);
		}

		static Ratio convert(BigDecimal value, StandardBasis basis, Mode mode) {
			if (mode == Mode.MONTH && basis == StandardBasis.YEAR) {
				return Ratio.quotient(value, BigDecimal.valueOf(12));
			}
			if (mode == Mode.YEAR && basis == StandardBasis.MONTH) {
				return Ratio.of(value.multiply(BigDecimal.valueOf(12)));
			}
			return Ratio.of(value);
		}

		public boolean missing(Env env) {
			return env.standard(kind) == null;
		}

		public SqlRatio num(SqlNames names) {
			return switch (mode) {
				case AS_SET -> SqlRatio.of(names.standardValue(kind));
				case MONTH -> new SqlRatio(names.standardValue(kind), names.standardMonthDivisor(kind));
				case YEAR -> SqlRatio.of(names.standardYear(kind));
			};
		}

		public String sql(SqlNames names) {
			return numberSql(names);
		}

		public String missingSql(SqlNames names) {
			return "(" + names.standardValue(kind) + " IS NULL)";
		}

		/** Named with its value: '城市低保标准 300.00', '农村低保标准（按月） 416.666666…'. */
		public String render(Env env, Words words) {
			Env.StandardValue s = env.standard(kind);
			// named as converted only when it is: a yearly figure per month, a monthly one per year
			String name = words.kindLabel().apply(kind) + (s == null ? "" : switch (mode) {
				case AS_SET -> "";
				case MONTH -> s.basis() == StandardBasis.YEAR ? words.perMonth() : "";
				case YEAR -> s.basis() == StandardBasis.MONTH ? words.perYear() : "";
			});
			return name + " " + words.value(eval(env));
		}

		public boolean simple() {
			return true;
		}

		public void collect(Set<Fact> facts, Set<String> kinds) {
			kinds.add(kind);
		}

	}

	record Group(Node inner, int pos) implements Node {

		public Type type() {
			return inner.type();
		}

		public Object eval(Env env) {
			return inner.eval(env);
		}

		public boolean missing(Env env) {
			return inner.missing(env);
		}

		public SqlRatio num(SqlNames names) {
			return inner.num(names);
		}

		public String sql(SqlNames names) {
			return inner.sql(names);
		}

		public String missingSql(SqlNames names) {
			return inner.missingSql(names);
		}

		public String render(Env env, Words words) {
			return "(" + inner.render(env, words) + ")";
		}

		public void collect(Set<Fact> facts, Set<String> kinds) {
			inner.collect(facts, kinds);
		}

	}

	record Neg(Node inner, int pos) implements Node {

		public Type type() {
			return Type.NUMBER;
		}

		public Object eval(Env env) {
			Object v = inner.eval(env);
			return v == null ? null : ((Ratio) v).negate();
		}

		public boolean missing(Env env) {
			return inner.missing(env);
		}

		public SqlRatio num(SqlNames names) {
			return inner.num(names).negate();
		}

		public String sql(SqlNames names) {
			return numberSql(names);
		}

		public String missingSql(SqlNames names) {
			return inner.missingSql(names);
		}

		public String render(Env env, Words words) {
			return "−" + inner.render(env, words);
		}

		public void collect(Set<Fact> facts, Set<String> kinds) {
			inner.collect(facts, kinds);
		}

	}

	record Not(Node inner, int pos) implements Node {

		public Type type() {
			return Type.BOOLEAN;
		}

		public Object eval(Env env) {
			Object v = inner.eval(env);
			return v == null ? null : !((Boolean) v);
		}

		public boolean missing(Env env) {
			return inner.missing(env);
		}

		public String sql(SqlNames names) {
			return "(NOT " + inner.sql(names) + ")";
		}

		public String missingSql(SqlNames names) {
			return inner.missingSql(names);
		}

		public String render(Env env, Words words) {
			String text = inner.render(env, words);
			return words.not() + " " + (inner instanceof Group ? text : "(" + text + ")");
		}

		public void collect(Set<Fact> facts, Set<String> kinds) {
			inner.collect(facts, kinds);
		}

	}

	record Arith(char op, Node left, Node right, int pos) implements Node {

		public Type type() {
			return Type.NUMBER;
		}

		public Object eval(Env env) {
			Ratio a = (Ratio) left.eval(env);
			Ratio b = (Ratio) right.eval(env);
			if (a == null || b == null) {
				return null;
			}
			return switch (op) {
				case '+' -> a.add(b);
				case '-' -> a.subtract(b);
				case '*' -> a.multiply(b);
				default -> a.divide(b);
			};
		}

		public boolean missing(Env env) {
			return left.missing(env) || right.missing(env);
		}

		public SqlRatio num(SqlNames names) {
			SqlRatio a = left.num(names);
			SqlRatio b = right.num(names);
			return switch (op) {
				case '+' -> a.add(b, false);
				case '-' -> a.add(b, true);
				case '*' -> a.multiply(b);
				default -> a.divide(b);
			};
		}

		public String sql(SqlNames names) {
			return numberSql(names);
		}

		public String missingSql(SqlNames names) {
			return or(left.missingSql(names), right.missingSql(names));
		}

		public String render(Env env, Words words) {
			String symbol = switch (op) {
				case '+' -> "+";
				case '-' -> "−";
				case '*' -> "×";
				default -> "÷";
			};
			return left.render(env, words) + " " + symbol + " " + right.render(env, words);
		}

		public void collect(Set<Fact> facts, Set<String> kinds) {
			left.collect(facts, kinds);
			right.collect(facts, kinds);
		}

	}

	record Compare(String op, Node left, Node right, int pos) implements Node {

		public Type type() {
			return Type.BOOLEAN;
		}

		public Object eval(Env env) {
			Object a = left.eval(env);
			Object b = right.eval(env);
			if (a == null || b == null) {
				return null;
			}
			if (a instanceof Boolean x) {
				boolean same = x.equals(b);
				return op.equals("=") ? same : !same;
			}
			int c = ((Ratio) a).compareTo((Ratio) b);
			return switch (op) {
				case "<" -> c < 0;
				case "<=" -> c <= 0;
				case ">" -> c > 0;
				case ">=" -> c >= 0;
				case "=" -> c == 0;
				default -> c != 0;
			};
		}

		public boolean missing(Env env) {
			return left.missing(env) || right.missing(env);
		}

		public String sql(SqlNames names) {
			String sqlOp = op.equals("!=") ? "<>" : op;
			if (left.type() == Type.BOOLEAN) {
				return "(" + left.sql(names) + " " + sqlOp + " " + right.sql(names) + ")";
			}
			return left.num(names).compare(sqlOp, right.num(names));
		}

		public String missingSql(SqlNames names) {
			return or(left.missingSql(names), right.missingSql(names));
		}

		public String render(Env env, Words words) {
			String symbol = switch (op) {
				case "<=" -> "≤";
				case ">=" -> "≥";
				case "!=" -> "≠";
				default -> op;
			};
			Object result = eval(env);
			return side(left, env, words) + " " + symbol + " " + side(right, env, words) + " "
					+ (result == null ? "?" : (Boolean) result ? "✓" : "✗");
		}

		private static String side(Node n, Env env, Words words) {
			String text = n.render(env, words);
			return n.simple() ? text : text + " = " + words.value(n.eval(env));
		}

		public void collect(Set<Fact> facts, Set<String> kinds) {
			left.collect(facts, kinds);
			right.collect(facts, kinds);
		}

	}

	record Logic(boolean and, Node left, Node right, int pos) implements Node {

		public Type type() {
			return Type.BOOLEAN;
		}

		public Object eval(Env env) {
			Boolean a = (Boolean) left.eval(env);
			Boolean b = (Boolean) right.eval(env);
			if (and) {
				if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
					return false;
				}
				return a == null || b == null ? null : Boolean.TRUE;
			}
			if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) {
				return true;
			}
			return a == null || b == null ? null : Boolean.FALSE;
		}

		public boolean missing(Env env) {
			return left.missing(env) || right.missing(env);
		}

		public String sql(SqlNames names) {
			return "(" + left.sql(names) + (and ? " AND " : " OR ") + right.sql(names) + ")";
		}

		public String missingSql(SqlNames names) {
			return or(left.missingSql(names), right.missingSql(names));
		}

		public String render(Env env, Words words) {
			return left.render(env, words) + " " + (and ? words.and() : words.or()) + " " + right.render(env, words);
		}

		public void collect(Set<Fact> facts, Set<String> kinds) {
			left.collect(facts, kinds);
			right.collect(facts, kinds);
		}

	}

	/** A whitelisted function: min, max, abs, round2, if. */
	record Call(String function, List<Node> args, int pos) implements Node {

		public Type type() {
			return function.equals("if") ? args.get(1).type() : Type.NUMBER;
		}

		public Object eval(Env env) {
			switch (function) {
				case "if" -> {
					return Boolean.TRUE.equals(args.get(0).eval(env)) ? args.get(1).eval(env) : args.get(2).eval(env);
				}
				case "abs" -> {
					Ratio v = (Ratio) args.get(0).eval(env);
					return v == null ? null : v.abs();
				}
				case "round2" -> {
					Ratio v = (Ratio) args.get(0).eval(env);
					return v == null ? null : v.round2();
				}
				default -> {
					Ratio best = null;
					for (Node a : args) {
						Ratio v = (Ratio) a.eval(env);
						if (v != null && (best == null || (function.equals("min") ? v.compareTo(best) < 0 : v.compareTo(best) > 0))) {
							best = v;
						}
					}
					return best;
				}
			}
		}

		public boolean missing(Env env) {
			if (function.equals("if")) {
				return args.get(0).missing(env)
						|| (Boolean.TRUE.equals(args.get(0).eval(env)) ? args.get(1).missing(env) : args.get(2).missing(env));
			}
			return args.stream().anyMatch(a -> a.missing(env));
		}

		public SqlRatio num(SqlNames names) {
			return switch (function) {
				case "if" -> args.get(1).num(names).choose(args.get(0).sql(names), args.get(2).num(names));
				case "abs" -> args.get(0).num(names).abs();
				case "round2" -> args.get(0).num(names).round2();
				default -> {
					SqlRatio best = args.get(0).num(names);
					for (Node a : args.subList(1, args.size())) {
						best = best.pick(a.num(names), function.equals("min"));
					}
					yield best;
				}
			};
		}

		public String sql(SqlNames names) {
			if (type() == Type.NUMBER) {
				return numberSql(names);
			}
			return "(CASE WHEN " + args.get(0).sql(names) + " THEN " + args.get(1).sql(names) + " ELSE "
					+ args.get(2).sql(names) + " END)";
		}

		public String missingSql(SqlNames names) {
			if (function.equals("if")) {
				String branches = "FALSE".equals(args.get(1).missingSql(names)) && "FALSE".equals(args.get(2).missingSql(names))
						? "FALSE"
						: "(CASE WHEN " + args.get(0).sql(names) + " THEN " + args.get(1).missingSql(names) + " ELSE "
								+ args.get(2).missingSql(names) + " END)";
				return or(args.get(0).missingSql(names), branches);
			}
			String m = "FALSE";
			for (Node a : args) {
				m = or(m, a.missingSql(names));
			}
			return m;
		}

		/** An if shows the branch taken: '(农业户口 = 否，故取 城市低保标准（按月） 300.00)'. */
		public String render(Env env, Words words) {
			if (function.equals("if")) {
				boolean yes = Boolean.TRUE.equals(args.get(0).eval(env));
				return "(" + args.get(0).render(env, words) + words.so() + args.get(yes ? 1 : 2).render(env, words) + ")";
			}
			return function + "(" + args.stream().map(a -> a.render(env, words)).collect(Collectors.joining(", ")) + ")";
		}

		public void collect(Set<Fact> facts, Set<String> kinds) {
			args.forEach(a -> a.collect(facts, kinds));
		}

	}

}
