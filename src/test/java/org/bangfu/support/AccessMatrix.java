package org.bangfu.support;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import org.bangfu.shared.Role;

/**
 * A table of who may call what: each row is a role, a request (method, path template, body)
 * and the status expected when it targets the caller's own organisation and when it targets a
 * sibling organisation. Modules add rows for their endpoints; {@link #check} runs every row and
 * returns every mismatch, so one failing test lists the whole damage.
 * <p>
 * Templates use placeholders filled from the own or the other target: for example
 * {@code {user}}, {@code {org}}, {@code {token}}, whatever the test puts in the maps, plus
 * {@code {unique}}, a fresh value for every request (for logins and codes), and any placeholder
 * registered with {@link #fresh} (e.g. a new valid ID number for every request). When a write
 * changes its target (closes it, deletes it), give every role its own targets with
 * {@link #check(int, Function, Function, Function)}. Paths under
 * {@code /api/} are called with HTTP Basic and JSON bodies; other paths through a logged-in
 * browser session with form bodies ({@code a=1&b=2}) and the CSRF token.
 */
public final class AccessMatrix {

	public record Row(Role role, String method, String path, String body, int own, int other) {

		boolean api() {
			return path.startsWith("/api/");
		}

		@Override
		public String toString() {
			return role + " " + method + " " + path;
		}

	}

	private static final AtomicInteger UNIQUE = new AtomicInteger();

	private final List<Row> rows = new ArrayList<>();

	private final Map<String, Supplier<String>> fresh = new LinkedHashMap<>();

	public AccessMatrix row(Role role, String method, String path, String body, int own, int other) {
		rows.add(new Row(role, method, path, body, own, other));
		return this;
	}

	/** A placeholder {@code {name}} filled with a new value from the supplier in every request. */
	public AccessMatrix fresh(String name, Supplier<String> values) {
		fresh.put(name, values);
		return this;
	}

	/** One endpoint for all seven roles: those allowed get (own, other), every other role {@code denied}. */
	public Endpoint endpoint(String method, String path, String body) {
		return new Endpoint(method, path, body);
	}

	public List<Row> rows() {
		return List.copyOf(rows);
	}

	public final class Endpoint {

		private final String method;

		private final String path;

		private final String body;

		private Endpoint(String method, String path, String body) {
			this.method = method;
			this.path = path;
			this.body = body;
		}

		public AccessMatrix allow(Set<Role> allowed, int own, int other) {
			return allow(allowed, own, other, 403);
		}

		public AccessMatrix allow(Set<Role> allowed, int own, int other, int denied) {
			return allow(allowed, own, other, denied, denied);
		}

		/**
		 * Like {@link #allow(Set, int, int)} for endpoints that look the target up before they check
		 * the role: a role without the right gets {@code deniedOwn} on its own organisation's
		 * target and {@code deniedOther} (usually 404) on a sibling's.
		 */
		public AccessMatrix allow(Set<Role> allowed, int own, int other, int deniedOwn, int deniedOther) {
			for (Role role : Role.values()) {
				boolean ok = allowed.contains(role);
				row(role, method, path, body, ok ? own : deniedOwn, ok ? other : deniedOther);
			}
			return AccessMatrix.this;
		}

		public AccessMatrix allowAll(int own, int other) {
			return allow(EnumSet.allOf(Role.class), own, other);
		}

	}

	/** Who calls for a role: a login with exactly that role in the own organisation, and its password. */
	public record Caller(String login, String password) {
	}

	/**
	 * Runs every row (in the order added) and returns the mismatches, e.g.
	 * {@code "AUDITOR POST /api/v1/users (other): expected 403, got 400"}.
	 */
	public List<String> check(int port, Function<Role, Caller> callers, Map<String, String> own,
			Map<String, String> other) {
		return check(port, callers, role -> own, role -> other);
	}

	/**
	 * Like {@link #check(int, Function, Map, Map)} with targets per role, for matrices whose writes
	 * change their target: each role closes, moves or deletes its own things, so the rows of one
	 * role never depend on what another role's rows did.
	 */
	public List<String> check(int port, Function<Role, Caller> callers, Function<Role, Map<String, String>> own,
			Function<Role, Map<String, String>> other) {
		Map<Role, Http> pages = new EnumMap<>(Role.class);
		Map<Role, Http> apis = new EnumMap<>(Role.class);
		List<String> failures = new ArrayList<>();
		for (Row row : rows) {
			Http http = row.api() ? apis.computeIfAbsent(row.role(), r -> api(port, callers.apply(r)))
					: pages.computeIfAbsent(row.role(), r -> page(port, callers.apply(r)));
			check(http, row, "own", own.apply(row.role()), row.own(), failures);
			check(http, row, "other", other.apply(row.role()), row.other(), failures);
		}
		return failures;
	}

	private void check(Http http, Row row, String which, Map<String, String> values, int expected,
			List<String> failures) {
		String path = fill(fillFresh(row.path()), values);
		String body = row.body() == null ? null : fill(fillFresh(row.body()), values);
		HttpResponse<String> res = send(http, row, path, body);
		if (res.statusCode() != expected) {
			failures.add(row.role() + " " + row.method() + " " + path + " (" + which + "): expected " + expected
					+ ", got " + res.statusCode());
		}
	}

	private static HttpResponse<String> send(Http http, Row row, String path, String body) {
		if (row.api()) {
			return http.json(row.method(), path, body);
		}
		if ("GET".equals(row.method())) {
			return http.get(path);
		}
		return http.form(path, form(body));
	}

	private static Http api(int port, Caller caller) {
		return Http.basic(port, caller.login(), caller.password());
	}

	private static Http page(int port, Caller caller) {
		Http http = Http.loggedIn(port, caller.login(), caller.password());
		http.get("/"); // the CSRF token changes at login: pick up the new one
		return http;
	}

	static String fill(String template, Map<String, String> values) {
		String result = template;
		for (var e : values.entrySet()) {
			result = result.replace("{" + e.getKey() + "}", e.getValue());
		}
		while (result.contains("{unique}")) {
			result = result.replaceFirst("\\{unique}", "m" + UNIQUE.incrementAndGet() + "x" + System.nanoTime() % 100000);
		}
		return result;
	}

	private String fillFresh(String template) {
		String result = template;
		for (var e : fresh.entrySet()) {
			String placeholder = "{" + e.getKey() + "}";
			while (result.contains(placeholder)) {
				result = result.replaceFirst(java.util.regex.Pattern.quote(placeholder),
						java.util.regex.Matcher.quoteReplacement(e.getValue().get()));
			}
		}
		return result;
	}

	private static Map<String, String> form(String body) {
		Map<String, String> fields = new LinkedHashMap<>();
		if (body == null || body.isBlank()) {
			return fields;
		}
		for (String pair : body.split("&")) {
			int eq = pair.indexOf('=');
			fields.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
		}
		return fields;
	}

}
