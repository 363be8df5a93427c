package org.bangfu.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A small HTTP client for tests against the running application: a browser-like session
 * (cookies, CSRF token from the last page) or API calls with HTTP Basic / bearer tokens.
 */
public final class Http {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|name=\"_csrf\" content=\"([^\"]+)\"|content=\"([^\"]+)\"\\s*name=\"_csrf\"");

	private final String base;

	private final HttpClient client;

	private String csrf;

	private String authorization;

	private String language = "zh-CN";

	private Http(String base, String authorization) {
		this.base = base;
		this.authorization = authorization;
		this.client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** An anonymous browser-like session. */
	public static Http browser(int port) {
		return new Http("http://localhost:" + port, null);
	}

	/** A browser session logged in through the login form; fails if the login fails. */
	public static Http loggedIn(int port, String login, String password) {
		Http http = browser(port);
		HttpResponse<String> res = http.login(login, password);
		String location = res.headers().firstValue("Location").orElse("");
		if (res.statusCode() != 302 || location.contains("error")) {
			throw new AssertionError("Login failed for " + login + ": " + res.statusCode() + " " + location);
		}
		return http;
	}

	/** An API client using HTTP Basic. */
	public static Http basic(int port, String login, String password) {
		String token = Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
		return new Http("http://localhost:" + port, "Basic " + token);
	}

	/** An API client using a bearer token. */
	public static Http bearer(int port, String token) {
		return new Http("http://localhost:" + port, "Bearer " + token);
	}

	public Http language(String tag) {
		this.language = tag;
		return this;
	}

	/** Posts the login form (fetching the CSRF token first); returns the raw response. */
	public HttpResponse<String> login(String login, String password) {
		get("/login");
		return form("/login", Map.of("username", login, "password", password));
	}

	public HttpResponse<String> get(String path) {
		HttpResponse<String> res = send(request(path).GET().build());
		rememberCsrf(res.body());
		return res;
	}

	/** Posts a form with the CSRF token of the last page fetched. */
	public HttpResponse<String> form(String path, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		if (csrf != null && !all.containsKey("_csrf")) {
			all.put("_csrf", csrf);
		}
		String body = all.entrySet()
			.stream()
			.map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		HttpResponse<String> res = send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
		rememberCsrf(res.body());
		return res;
	}

	/** Posts a form without any CSRF token. */
	public HttpResponse<String> formWithoutCsrf(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	public HttpResponse<String> json(String method, String path, String json) {
		return send(request(path).header("Content-Type", "application/json")
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	public HttpResponse<String> delete(String path) {
		return send(request(path).DELETE().build());
	}

	public HttpResponse<byte[]> getBytes(String path) {
		try {
			return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Sends any request built on this session's base URL, cookies and credentials. */
	public HttpResponse<String> send(HttpRequest request) {
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public HttpRequest.Builder request(String path) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", language);
		if (authorization != null) {
			b.header("Authorization", authorization);
		}
		return b;
	}

	public String csrf() {
		return csrf;
	}

	public HttpClient client() {
		return client;
	}

	private void rememberCsrf(String body) {
		if (body == null) {
			return;
		}
		Matcher m = CSRF.matcher(body);
		if (m.find()) {
			csrf = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
		}
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
