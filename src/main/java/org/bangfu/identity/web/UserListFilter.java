package org.bangfu.identity.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.bangfu.identity.Users.UserSearch;
import org.bangfu.shared.Role;

/**
 * The filters, page and page size of the user list, read leniently from the query string (a
 * bad value is ignored rather than failing the page) and written back into links, so a list
 * can be bookmarked and shared.
 */
record UserListFilter(String q, Long org, Role role, Boolean active, int page, int size) {

	static final List<Integer> PAGE_SIZES = List.of(10, 20, 50, 100);

	static final int DEFAULT_SIZE = 20;

	static UserListFilter of(String q, String org, String role, String active, String page, String size) {
		return new UserListFilter(blankToNull(q), parseLong(org), parseRole(role), parseBoolean(active),
				Math.max(1, parseInt(page, 1)), pageSize(parseInt(size, DEFAULT_SIZE)));
	}

	UserSearch search() {
		return new UserSearch(q, org, role, active);
	}

	int offset() {
		return (page - 1) * size;
	}

	public boolean filtered() {
		return q != null || org != null || role != null || active != null;
	}

	public int pages(long total) {
		return (int) Math.max(1, (total + size - 1) / size);
	}

	/** The list URL with these filters and the given page. */
	public String url(int targetPage) {
		List<String> parts = new ArrayList<>();
		add(parts, "q", q);
		add(parts, "org", org);
		add(parts, "role", role == null ? null : role.name());
		add(parts, "active", active);
		if (size != DEFAULT_SIZE) {
			add(parts, "size", size);
		}
		if (targetPage > 1) {
			add(parts, "page", targetPage);
		}
		return "/users" + (parts.isEmpty() ? "" : "?" + String.join("&", parts));
	}

	private static void add(List<String> parts, String name, Object value) {
		if (value != null) {
			parts.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
		}
	}

	static int pageSize(int requested) {
		return PAGE_SIZES.contains(requested) ? requested : requested > 100 ? 100 : DEFAULT_SIZE;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	private static Long parseLong(String s) {
		try {
			return s == null || s.isBlank() ? null : Long.valueOf(s.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static int parseInt(String s, int fallback) {
		try {
			return s == null || s.isBlank() ? fallback : Integer.parseInt(s.trim());
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

	private static Role parseRole(String s) {
		try {
			return s == null || s.isBlank() ? null : Role.valueOf(s.trim());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static Boolean parseBoolean(String s) {
		return "true".equals(s) ? Boolean.TRUE : "false".equals(s) ? Boolean.FALSE : null;
	}

}
