package org.bangfu.audit;

import java.util.List;

/** One page of audit records (page counts from 1) and how many match in all. */
public record AuditPage(List<AuditRow> rows, int page, int size, long total) {

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
