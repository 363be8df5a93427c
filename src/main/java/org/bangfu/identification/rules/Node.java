package org.bangfu.identification.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * <li>+ − × exact; ÷ rounds half up to 2 decimals; ÷ 0 gives no value;</li>
 * <li>a comparison with no value gives no value; and/or/not follow SQL's three-valued logic;</li>
 * <li>min/max skip missing values (SQL LEAST/GREATEST); if(c, a, b) is b unless c is yes.</li>
 * </ul>
 */
sealed interface Node {

	Type type();

	int pos();

	Object eval(Env env);

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
			return value;
		}

		public boolean missing(Env env) {
			return false;
		}

		public String sql(SqlNames names) {
			return "CAST('" + value.toPlainString() + "' AS numeric)";
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

	record FactRef(Fact fact, int pos) implements Node {

		public Type type() {
			return fact.type();
		}

		public Object eval(Env env) {
			return env.fact(fact);
		}

		public boolean missing(Env env) {
			return false;
		}

		public String sql(SqlNames names) {
			return names.fact(fact);
		}

		public String missingSql(SqlNames names) {
			return "FALSE";
		}

		public String render(Env env, Words words) {
			return words.value(env.fact(fact));
		}

		public boolean simple() {
			return true;
		}

		public void collect(Set<Fact> facts, Set<String> kinds) {
			facts.add(fact);
		}

	}

	/** A standard: as stored (std), per month (std_month: a yearly figure ÷ 12, rounded) or per year (std_year: × 12). */
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

		static BigDecimal convert(BigDecimal value, StandardBasis basis, Mode mode) {
			if (mode == Mode.MONTH && basis == StandardBasis.YEAR) {
				return value.divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
			}
			if (mode == Mode.YEAR && basis == StandardBasis.MONTH) {
				return value.multiply(BigDecimal.valueOf(12));
			}
			return value;
		}

		public boolean missing(Env env) {
			return env.standard(kind) == null;
		}

		public String sql(SqlNames names) {
			return switch (mode) {
				case AS_SET -> names.standardValue(kind);
				case MONTH -> names.standardMonth(kind);
				case YEAR -> names.standardYear(kind);
			};
		}

		public String missingSql(SqlNames names) {
			return "(" + names.standardValue(kind) + " IS NULL)";
		}

		public String render(Env env, Words words) {
			return words.value(eval(env));
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
			return v == null ? null : ((BigDecimal) v).negate();
		}

		public boolean missing(Env env) {
			return inner.missing(env);
		}

		public String sql(SqlNames names) {
			return "(-" + inner.sql(names) + ")";
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
			return words.not() + " " + inner.render(env, words);
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
			BigDecimal a = (BigDecimal) left.eval(env);
			BigDecimal b = (BigDecimal) right.eval(env);
			if (a == null || b == null) {
				return null;
			}
			return switch (op) {
				case '+' -> a.add(b);
				case '-' -> a.subtract(b);
				case '*' -> a.multiply(b);
				default -> b.signum() == 0 ? null : a.divide(b, 2, RoundingMode.HALF_UP);
			};
		}

		public boolean missing(Env env) {
			return left.missing(env) || right.missing(env);
		}

		public String sql(SqlNames names) {
			if (op == '/') {
				return "round(" + left.sql(names) + " / NULLIF(" + right.sql(names) + ", 0), 2)";
			}
			return "(" + left.sql(names) + " " + op + " " + right.sql(names) + ")";
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
			int c = ((BigDecimal) a).compareTo((BigDecimal) b);
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
			return "(" + left.sql(names) + " " + (op.equals("!=") ? "<>" : op) + " " + right.sql(names) + ")";
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
					BigDecimal v = (BigDecimal) args.get(0).eval(env);
					return v == null ? null : v.abs();
				}
				case "round2" -> {
					BigDecimal v = (BigDecimal) args.get(0).eval(env);
					return v == null ? null : v.setScale(2, RoundingMode.HALF_UP);
				}
				default -> {
					BigDecimal best = null;
					for (Node a : args) {
						BigDecimal v = (BigDecimal) a.eval(env);
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

		public String sql(SqlNames names) {
			return switch (function) {
				case "if" -> "(CASE WHEN " + args.get(0).sql(names) + " THEN " + args.get(1).sql(names) + " ELSE "
						+ args.get(2).sql(names) + " END)";
				case "abs" -> "abs(" + args.get(0).sql(names) + ")";
				case "round2" -> "round(" + args.get(0).sql(names) + ", 2)";
				default -> (function.equals("min") ? "LEAST(" : "GREATEST(")
						+ args.stream().map(a -> a.sql(names)).collect(Collectors.joining(", ")) + ")";
			};
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

		public String render(Env env, Words words) {
			return function + "(" + args.stream().map(a -> a.render(env, words)).collect(Collectors.joining(", ")) + ")";
		}

		public void collect(Set<Fact> facts, Set<String> kinds) {
			args.forEach(a -> a.collect(facts, kinds));
		}

	}

}
