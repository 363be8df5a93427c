package org.bangfu.programs;

import java.util.List;

/**
 * Filters of the post register (all optional): a name prefix, an exact ID number, a post name
 * part, a tier, in post or ended (status {@code IN_POST}, {@code ENDED}); paged from 1, 10 to 100 a page.
 */
public record PostQuery(String name, String idNumber, String post, Integer tier, String status, Integer page, Integer size) {

	public static final List<Integer> SIZES = List.of(10, 20, 50, 100);

	public int pageOrFirst() {
		return page == null || page < 1 ? 1 : page;
	}

	public int sizeOrDefault() {
		return size == null ? 20 : Math.max(10, Math.min(100, size));
	}

}
