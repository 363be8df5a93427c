package org.bangfu.registry;

import java.util.List;

import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.HardshipCause;
import org.bangfu.registry.Vocabulary.HouseholdStatus;

/**
 * Search filters (all optional): an exact ID number, a name prefix, a phone, a region code
 * prefix (a county matches its townships and villages), status, category, cause; sorted by
 * one of {@link #SORTS}, paged from 1 with a size of 10–100. A page is reached by its number
 * (the first pages) or, deep in a long list, by the cursor of the page before or after it
 * ({@code after} / {@code before}, taken from {@link HouseholdPage#next()} and
 * {@link HouseholdPage#previous()}), which reads only the rows of the page whatever its depth.
 */
public record HouseholdQuery(String idNumber, String name, String phone, String region, HouseholdStatus status,
		Category category, HardshipCause cause, String sort, String dir, Integer page, Integer size, String after,
		String before) {

	public static final List<String> SORTS = List.of("fileNo", "headName", "region", "status", "updatedAt");

	public static final List<Integer> SIZES = List.of(10, 20, 50, 100);

	public HouseholdQuery(String idNumber, String name, String phone, String region, HouseholdStatus status,
			Category category, HardshipCause cause, String sort, String dir, Integer page, Integer size) {
		this(idNumber, name, phone, region, status, category, cause, sort, dir, page, size, null, null);
	}

	public static HouseholdQuery all() {
		return new HouseholdQuery(null, null, null, null, null, null, null, null, null, null, null);
	}

	public String sortOrDefault() {
		return sort != null && SORTS.contains(sort) ? sort : "updatedAt";
	}

	public boolean descending() {
		return dir == null ? "updatedAt".equals(sortOrDefault()) : "desc".equalsIgnoreCase(dir);
	}

	public int pageOrFirst() {
		return page == null || page < 1 ? 1 : page;
	}

	public int sizeOrDefault() {
		return size == null ? 20 : Math.max(10, Math.min(100, size));
	}

	/** Whether any filter narrows the search (the scope aside). */
	public boolean filtered() {
		return !blank(idNumber) || !blank(name) || !blank(phone) || !blank(region) || status != null
				|| category != null || cause != null;
	}

	/** Whether only the scope and a status narrow the search: its total is then kept, not counted. */
	public boolean countedByStatus() {
		return !withStatus(null).filtered();
	}

	private HouseholdQuery withStatus(HouseholdStatus s) {
		return new HouseholdQuery(idNumber, name, phone, region, s, category, cause, sort, dir, page, size, after, before);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

}
