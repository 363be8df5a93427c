package org.bangfu.registry;

import java.util.List;

/**
 * A page of search results; page numbers start at 1. The total is exact when {@code totalExact};
 * otherwise the search matched at least {@code total} households and the count stopped there
 * (shown as 1,000+). {@code next} and {@code previous} are the cursors of the neighbouring pages
 * (null at either end) to pass back as {@code after} and {@code before}.
 */
public record HouseholdPage(List<HouseholdRow> rows, long total, boolean totalExact, int page, int size,
		String next, String previous) {

	public HouseholdPage(List<HouseholdRow> rows, long total, int page, int size) {
		this(rows, total, true, page, size, null, null);
	}

	/** The number of pages when the total is exact, else the pages known so far. */
	public int pages() {
		return (int) Math.max(1, (total + size - 1) / size);
	}

	public boolean hasPrevious() {
		return previous != null;
	}

	public boolean hasNext() {
		return next != null;
	}

}
