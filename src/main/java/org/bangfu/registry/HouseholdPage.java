package org.bangfu.registry;

import java.util.List;

/** A page of search results; page numbers start at 1. */
public record HouseholdPage(List<HouseholdRow> rows, long total, int page, int size) {

	public int pages() {
		return (int) Math.max(1, (total + size - 1) / size);
	}

	public boolean hasPrevious() {
		return page > 1;
	}

	public boolean hasNext() {
		return page < pages();
	}

}
