package org.bangfu.cases;

import java.util.List;

/** A page of cases, paged from 1. */
public record CasePage(List<CaseRow> rows, long total, int page, int size) {

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
