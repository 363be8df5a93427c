package org.bangfu.identification.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.bangfu.shared.BangfuException;

/**
 * Splits a condition into tokens by hand. Only numbers, names, single-quoted standard kinds,
 * arithmetic, comparisons, parentheses and commas exist; anything that looks like code
 * (statements, blocks, member access, assignments, double quotes) is refused with a message
 * that says why. Positions are 1-based character columns.
 */
final class Lexer {

	static final int MAX_LENGTH = 1000;

	static final int MAX_TOKENS = 300;

	/** Words of programming and scripting languages that never belong in a rule. */
	static final Set<String> FORBIDDEN = Set.of("while", "for", "foreach", "do", "loop", "repeat", "until", "goto",
			"function", "def", "lambda", "fn", "var", "let", "const", "class", "new", "import", "return", "exec",
			"eval", "java", "javax", "system", "runtime", "process", "thread", "script", "t", "this", "null",
			"select", "insert", "update", "delete", "drop", "union", "getclass", "file", "print", "println");

	enum Kind {

		NUMBER, NAME, KIND, OP, LPAREN, RPAREN, COMMA, END

	}

	record Token(Kind kind, String text, int pos) {

		boolean is(String op) {
			return (kind == Kind.OP || kind == Kind.NAME) && text.equals(op);
		}

	}

	private Lexer() {
	}

	static List<Token> tokens(String source) {
		if (source == null || source.isBlank()) {
			throw BangfuException.badField("condition", "identification.expr.empty");
		}
		if (source.length() > MAX_LENGTH) {
			throw BangfuException.badField("condition", "identification.expr.tooLong", MAX_LENGTH, source.length());
		}
		List<Token> out = new ArrayList<>();
		int i = 0;
		int n = source.length();
		while (i < n) {
			char c = source.charAt(i);
			int pos = i + 1;
			if (Character.isWhitespace(c) || c == '\u3000') {
				i++;
				continue;
			}
			if (out.size() >= MAX_TOKENS) {
				throw BangfuException.badField("condition", "identification.expr.tooManyTokens", MAX_TOKENS);
			}
			if (c >= '0' && c <= '9') {
				int start = i;
				while (i < n && source.charAt(i) >= '0' && source.charAt(i) <= '9') {
					i++;
				}
				if (i < n && source.charAt(i) == '.') {
					i++;
					int fraction = i;
					while (i < n && source.charAt(i) >= '0' && source.charAt(i) <= '9') {
						i++;
					}
					if (i == fraction) {
						throw BangfuException.badField("condition", "identification.expr.number", pos,
								source.substring(start, i));
					}
				}
				String text = source.substring(start, i);
				if (i < n && (Character.isLetter(source.charAt(i)) || source.charAt(i) == '_')) {
					throw BangfuException.badField("condition", "identification.expr.number", pos,
							source.substring(start, Math.min(n, i + 1)));
				}
				BigDecimal value = new BigDecimal(text);
				if (value.precision() - value.scale() > 15 || value.scale() > 6) {
					throw BangfuException.badField("condition", "identification.expr.number", pos, text);
				}
				out.add(new Token(Kind.NUMBER, text, pos));
				continue;
			}
			if (Character.isLetter(c) || c == '_') {
				int start = i;
				while (i < n && (Character.isLetterOrDigit(source.charAt(i)) || source.charAt(i) == '_')) {
					i++;
				}
				String word = source.substring(start, i);
				String lower = word.toLowerCase(Locale.ROOT);
				if (FORBIDDEN.contains(lower)) {
					throw BangfuException.badField("condition", "identification.expr.forbidden", pos, word);
				}
				if (i < n && source.charAt(i) == '.' && !(i + 1 < n && Character.isDigit(source.charAt(i + 1)))) {
					throw BangfuException.badField("condition", "identification.expr.member", i + 1, word);
				}
				out.add(new Token(Kind.NAME, isKeyword(lower) ? lower : word, pos));
				continue;
			}
			switch (c) {
				case '\'' -> {
					int end = source.indexOf('\'', i + 1);
					if (end < 0) {
						throw BangfuException.badField("condition", "identification.expr.unclosedQuote", pos);
					}
					String kind = source.substring(i + 1, end);
					if (!kind.matches("[a-z][a-z0-9_]{0,39}")) {
						throw BangfuException.badField("condition", "identification.expr.kindText", pos, kind);
					}
					out.add(new Token(Kind.KIND, kind, pos));
					i = end + 1;
				}
				case '(', '\uFF08' -> {
					out.add(new Token(Kind.LPAREN, "(", pos));
					i++;
				}
				case ')', '\uFF09' -> {
					out.add(new Token(Kind.RPAREN, ")", pos));
					i++;
				}
				case ',', '\uFF0C' -> {
					out.add(new Token(Kind.COMMA, ",", pos));
					i++;
				}
				case '+', '-', '*', '/', '\u2212', '\u00D7', '\u00F7' -> {
					if (i + 1 < n && source.charAt(i + 1) == '=') {
						throw BangfuException.badField("condition", "identification.expr.assignment", pos);
					}
					if ((c == '+' || c == '-') && i + 1 < n && source.charAt(i + 1) == c) {
						throw BangfuException.badField("condition", "identification.expr.assignment", pos);
					}
					if (c == '*' && i + 1 < n && source.charAt(i + 1) == '*') {
						throw BangfuException.badField("condition", "identification.expr.character", pos, "**");
					}
					String op = switch (c) {
						case '\u2212' -> "-";
						case '\u00D7' -> "*";
						case '\u00F7' -> "/";
						default -> String.valueOf(c);
					};
					out.add(new Token(Kind.OP, op, pos));
					i++;
				}
				case '<', '>', '=', '!', '\u2264', '\u2265', '\u2260' -> {
					String two = i + 1 < n ? source.substring(i, i + 2) : String.valueOf(c);
					String op;
					int len = 1;
					if (two.equals("<=") || two.equals(">=") || two.equals("!=") || two.equals("==") || two.equals("<>")) {
						op = switch (two) {
							case "==" -> "=";
							case "<>" -> "!=";
							default -> two;
						};
						len = 2;
					}
					else {
						op = switch (c) {
							case '\u2264' -> "<=";
							case '\u2265' -> ">=";
							case '\u2260' -> "!=";
							case '!' -> "not";
							default -> String.valueOf(c);
						};
					}
					out.add(new Token(op.equals("not") ? Kind.NAME : Kind.OP, op, pos));
					i += len;
				}
				case '&', '|' -> {
					if (i + 1 < n && source.charAt(i + 1) == c) {
						out.add(new Token(Kind.NAME, c == '&' ? "and" : "or", pos));
						i += 2;
					}
					else {
						throw BangfuException.badField("condition", "identification.expr.character", pos, String.valueOf(c));
					}
				}
				case ';' -> throw BangfuException.badField("condition", "identification.expr.statement", pos);
				case '{', '}' -> throw BangfuException.badField("condition", "identification.expr.block", pos);
				case '.' -> throw BangfuException.badField("condition", "identification.expr.member", pos, "");
				case '"', '`', '\u201C', '\u201D' -> throw BangfuException.badField("condition", "identification.expr.quote", pos);
				case ':' -> throw BangfuException.badField("condition", "identification.expr.assignment", pos);
				default -> throw BangfuException.badField("condition", "identification.expr.character", pos,
						String.valueOf(c));
			}
		}
		out.add(new Token(Kind.END, "", n + 1));
		return out;
	}

	private static boolean isKeyword(String lower) {
		return lower.equals("and") || lower.equals("or") || lower.equals("not") || lower.equals("true")
				|| lower.equals("false");
	}

}
