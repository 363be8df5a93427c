package org.bangfu.cases;

import java.util.List;

/**
 * Case list filters: view {@code mine} (cases waiting for the caller: steps they may act on, and
 * their own drafts and returned cases), {@code overdue} (open steps past their SLA) or {@code all};
 * status, type, a file number or head name prefix; paged from 1 with 10–100 rows.
 */
public record CaseQuery(String view, CaseStatus status, CaseType type, String text, Integer page, Integer size) {

	public static final List<String> VIEWS = List.of("mine", "overdue", "all");

	public static final List<Integer> SIZES = List.of(10, 20, 50, 100);

	public static CaseQuery all() {
		return new CaseQuery("all", null, null, null, null, null);
	}

	public String viewOrDefault() {
		return view != null && VIEWS.contains(view) ? view : "mine";
	}

	public int pageOrFirst() {
		return page == null || page < 1 ? 1 : page;
	}

	public int sizeOrDefault() {
		return size == null ? 20 : Math.max(10, Math.min(100, size));
	}

}
