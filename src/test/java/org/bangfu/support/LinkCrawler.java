package org.bangfu.support;

import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows the links a logged-in user sees, breadth-first from the home page, one page per kind
 * of path (numbers as {id}, parameter names only), and collects those that answer 403 or a
 * server error: a link to a page the user may not open must not be shown.
 */
public final class LinkCrawler {

	private static final Pattern HREF = Pattern.compile("href=\"(/[^\"#]*)\"");

	/**
	 * What a crawl found: dead ends ("who link" → "status <- page"), how many pages it opened, and
	 * the HTML pages that answered 200 (one per path shape, in the order opened).
	 */
	public record Result(Map<String, String> problems, int pages, List<String> htmlPages) {
	}

	private LinkCrawler() {
	}

	public static Result crawl(String who, Http http, int maxPages) {
		Map<String, String> problems = new LinkedHashMap<>();
		Map<String, String> from = new LinkedHashMap<>();
		Set<String> seen = new LinkedHashSet<>(List.of("/"));
		Deque<String> queue = new ArrayDeque<>(List.of("/"));
		int pages = 0;
		List<String> html = new java.util.ArrayList<>();
		while (!queue.isEmpty() && pages < maxPages) {
			String path = queue.poll();
			pages++;
			HttpResponse<String> res = http.get(path);
			if (res.statusCode() == 403 || res.statusCode() >= 500) {
				problems.put(who + " " + path, res.statusCode() + " <- " + from.get(path));
				continue;
			}
			if (res.statusCode() != 200 || !res.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
				continue;
			}
			html.add(path);
			Matcher m = HREF.matcher(res.body());
			while (m.find()) {
				String link = m.group(1).replace("&amp;", "&");
				if (followable(link) && seen.add(shape(link))) {
					from.put(link, path);
					queue.add(link);
				}
			}
		}
		return new Result(problems, pages, html);
	}

	/** Same-site pages; not assets, not logging out, not another language of the same page. */
	private static boolean followable(String link) {
		return !link.startsWith("/webjars/") && !link.startsWith("/css/") && !link.startsWith("/js/")
				&& !link.startsWith("/images/") && !link.startsWith("/logout") && !link.startsWith("/actuator")
				&& !link.startsWith("//") && !link.contains("lang=");
	}

	/** A path with its numbers as {id} and only its parameter names: one visit per kind of page. */
	private static String shape(String link) {
		int q = link.indexOf('?');
		String path = (q < 0 ? link : link.substring(0, q)).replaceAll("/\\d+(?=/|$)", "/{id}");
		if (q < 0) {
			return path;
		}
		StringBuilder names = new StringBuilder(path).append('?');
		for (String pair : link.substring(q + 1).split("&")) {
			names.append(pair.split("=", 2)[0]).append('&');
		}
		return names.toString();
	}

}
