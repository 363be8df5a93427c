package org.bangfu.identification.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.bangfu.identification.rules.Lexer.Kind;
import org.bangfu.identification.rules.Lexer.Token;
import org.bangfu.shared.BangfuException;

/**
 * Recursive-descent parser and type checker for one condition or value:
 *
 * <pre>
 * or      := and ('or' and)*
 * and     := not ('and' not)*
 * not     := 'not' not | compare
 * compare := sum (('<'|'<='|'>'|'>='|'='|'!=') sum)?
 * sum     := product (('+'|'-') product)*
 * product := unary (('*'|'/') unary)*
 * unary   := '-' unary | primary
 * primary := number | 'true' | 'false' | fact | function '(' args ')' | '(' or ')'
 * </pre>
 *
 * Names are checked against the fact list, functions against a short whitelist and standard
 * kinds against the kinds known when the rule is saved; nesting is limited.
 */
final class Parser {

	static final int MAX_DEPTH = 12;

	static final List<String> FUNCTIONS = List.of("min", "max", "abs", "round2", "if", "std", "std_month", "std_year");

	private final List<Token> tokens;

	private final Set<String> kinds;

	private int at;

	private int depth;

	private Parser(List<Token> tokens, Set<String> kinds) {
		this.tokens = tokens;
		this.kinds = kinds;
	}

	static Node parse(String source, Set<String> kinds) {
		Parser p = new Parser(Lexer.tokens(source), kinds);
		Node root = p.or();
		Token end = p.peek();
		if (end.kind() != Kind.END) {
			throw BangfuException.badField("condition", "identification.expr.trailing", end.pos(), end.text());
		}
		return root;
	}

	private Token peek() {
		return tokens.get(at);
	}

	private Token next() {
		return tokens.get(at++);
	}

	private void enter(Token t) {
		if (++depth > MAX_DEPTH) {
			throw BangfuException.badField("condition", "identification.expr.tooDeep", t.pos(), MAX_DEPTH);
		}
	}

	private Node or() {
		Node left = and();
		while (peek().is("or")) {
			Token op = next();
			Node right = and();
			left = new Node.Logic(false, need(left, Type.BOOLEAN, op), need(right, Type.BOOLEAN, op), op.pos());
		}
		return left;
	}

	private Node and() {
		Node left = not();
		while (peek().is("and")) {
			Token op = next();
			Node right = not();
			left = new Node.Logic(true, need(left, Type.BOOLEAN, op), need(right, Type.BOOLEAN, op), op.pos());
		}
		return left;
	}

	private Node not() {
		if (peek().is("not")) {
			Token op = next();
			enter(op);
			Node inner = not();
			depth--;
			return new Node.Not(need(inner, Type.BOOLEAN, op), op.pos());
		}
		return compare();
	}

	private static boolean comparison(Token t) {
		return t.kind() == Kind.OP && List.of("<", "<=", ">", ">=", "=", "!=").contains(t.text());
	}

	private Node compare() {
		Node left = sum();
		if (comparison(peek())) {
			Token op = next();
			Node right = sum();
			if (comparison(peek())) {
				throw BangfuException.badField("condition", "identification.expr.chained", peek().pos());
			}
			if (op.text().equals("=") || op.text().equals("!=")) {
				if (left.type() != right.type()) {
					throw BangfuException.badField("condition", "identification.expr.mixedTypes", op.pos(), op.text());
				}
			}
			else {
				need(left, Type.NUMBER, op);
				need(right, Type.NUMBER, op);
			}
			return new Node.Compare(op.text(), left, right, op.pos());
		}
		return left;
	}

	private Node sum() {
		Node left = product();
		while (peek().kind() == Kind.OP && (peek().text().equals("+") || peek().text().equals("-"))) {
			Token op = next();
			Node right = product();
			left = new Node.Arith(op.text().charAt(0), need(left, Type.NUMBER, op), need(right, Type.NUMBER, op), op.pos());
		}
		return left;
	}

	private Node product() {
		Node left = unary();
		while (peek().kind() == Kind.OP && (peek().text().equals("*") || peek().text().equals("/"))) {
			Token op = next();
			Node right = unary();
			left = new Node.Arith(op.text().charAt(0), need(left, Type.NUMBER, op), need(right, Type.NUMBER, op), op.pos());
		}
		return left;
	}

	private Node unary() {
		if (peek().kind() == Kind.OP && peek().text().equals("-")) {
			Token op = next();
			enter(op);
			Node inner = unary();
			depth--;
			return new Node.Neg(need(inner, Type.NUMBER, op), op.pos());
		}
		return primary();
	}

	private Node primary() {
		Token t = next();
		switch (t.kind()) {
			case NUMBER -> {
				return new Node.Num(new BigDecimal(t.text()), t.text(), t.pos());
			}
			case LPAREN -> {
				enter(t);
				Node inner = or();
				depth--;
				expect(Kind.RPAREN, ")");
				return new Node.Group(inner, t.pos());
			}
			case NAME -> {
				return name(t);
			}
			case KIND -> throw BangfuException.badField("condition", "identification.expr.kindOutsideStd", t.pos(), t.text());
			case END -> throw BangfuException.badField("condition", "identification.expr.unexpectedEnd", t.pos());
			default -> throw BangfuException.badField("condition", "identification.expr.unexpected", t.pos(), t.text());
		}
	}

	private Node name(Token t) {
		String word = t.text();
		if (word.equals("true") || word.equals("false")) {
			return new Node.Bool(word.equals("true"), t.pos());
		}
		if (word.equals("and") || word.equals("or") || word.equals("not")) {
			throw BangfuException.badField("condition", "identification.expr.unexpected", t.pos(), word);
		}
		if (peek().kind() == Kind.LPAREN) {
			return call(t);
		}
		return Fact.named(word)
			.<Node>map(f -> new Node.FactRef(f, t.pos()))
			.orElseThrow(() -> unknownName(t));
	}

	private BangfuException unknownName(Token t) {
		String hint = closest(t.text(), java.util.Arrays.stream(Fact.values()).map(Fact::column).toList());
		if (hint == null) {
			return BangfuException.badField("condition", "identification.expr.unknownName", t.pos(), t.text());
		}
		return BangfuException.badField("condition", "identification.expr.unknownNameHint", t.pos(), t.text(), hint);
	}

	private Node call(Token name) {
		String function = name.text();
		if (!FUNCTIONS.contains(function)) {
			throw BangfuException.badField("condition", "identification.expr.unknownFunction", name.pos(), function,
					String.join(", ", FUNCTIONS));
		}
		Token open = next();
		enter(open);
		try {
			if (function.startsWith("std")) {
				Token kind = next();
				if (kind.kind() != Kind.KIND || peek().kind() != Kind.RPAREN) {
					throw BangfuException.badField("condition", "identification.expr.stdArgument", name.pos(), function);
				}
				next();
				if (!kinds.contains(kind.text())) {
					String hint = closest(kind.text(), kinds);
					throw hint == null
							? BangfuException.badField("condition", "identification.expr.unknownStandard", kind.pos(), kind.text())
							: BangfuException.badField("condition", "identification.expr.unknownStandardHint", kind.pos(),
									kind.text(), hint);
				}
				Node.Std.Mode mode = switch (function) {
					case "std_month" -> Node.Std.Mode.MONTH;
					case "std_year" -> Node.Std.Mode.YEAR;
					default -> Node.Std.Mode.AS_SET;
				};
				return new Node.Std(kind.text(), mode, name.pos());
			}
			List<Node> args = new ArrayList<>();
			if (peek().kind() != Kind.RPAREN) {
				args.add(or());
				while (peek().kind() == Kind.COMMA) {
					next();
					args.add(or());
				}
			}
			expect(Kind.RPAREN, ")");
			return checkCall(name, function, args);
		}
		finally {
			depth--;
		}
	}

	private Node checkCall(Token name, String function, List<Node> args) {
		switch (function) {
			case "if" -> {
				if (args.size() != 3) {
					throw BangfuException.badField("condition", "identification.expr.arity", name.pos(), function, 3);
				}
				need(args.get(0), Type.BOOLEAN, name);
				if (args.get(1).type() != args.get(2).type()) {
					throw BangfuException.badField("condition", "identification.expr.ifBranches", name.pos());
				}
			}
			case "abs", "round2" -> {
				if (args.size() != 1) {
					throw BangfuException.badField("condition", "identification.expr.arity", name.pos(), function, 1);
				}
				need(args.get(0), Type.NUMBER, name);
			}
			default -> {
				if (args.size() < 2) {
					throw BangfuException.badField("condition", "identification.expr.arityAtLeast", name.pos(), function, 2);
				}
				args.forEach(a -> need(a, Type.NUMBER, name));
			}
		}
		return new Node.Call(function, List.copyOf(args), name.pos());
	}

	private void expect(Kind kind, String text) {
		Token t = peek();
		if (t.kind() != kind) {
			if (t.kind() == Kind.END) {
				throw BangfuException.badField("condition", "identification.expr.missing", t.pos(), text);
			}
			throw BangfuException.badField("condition", "identification.expr.expected", t.pos(), text, t.text());
		}
		next();
	}

	private static Node need(Node node, Type type, Token op) {
		if (node.type() != type) {
			String opText = op.text();
			if (type == Type.NUMBER) {
				throw BangfuException.badField("condition", "identification.expr.needNumber", op.pos(), opText);
			}
			throw BangfuException.badField("condition", "identification.expr.needBoolean", op.pos(), opText);
		}
		return node;
	}

	/** The known name nearest to a misspelt one (edit distance ≤ 3), or null. */
	static String closest(String word, java.util.Collection<String> known) {
		return known.stream()
			.map(k -> new Object[] { k, distance(word.toLowerCase(java.util.Locale.ROOT), k) })
			.filter(p -> (int) p[1] <= Math.max(2, Math.min(3, word.length() / 3)))
			.min(Comparator.comparingInt(p -> (int) p[1]))
			.map(p -> (String) p[0])
			.orElse(null);
	}

	private static int distance(String a, String b) {
		int[] prev = new int[b.length() + 1];
		int[] cur = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			prev[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			cur[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
			}
			int[] t = prev;
			prev = cur;
			cur = t;
		}
		return prev[b.length()];
	}

}
