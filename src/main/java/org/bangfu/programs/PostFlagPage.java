package org.bangfu.programs;

import java.util.List;

/** One page of flagged posts with the number matching the filters. */
public record PostFlagPage(List<PostFlag> rows, long total, int page, int size) {

	public int pages() {
		return (int) Math.max(1, (total + size - 1) / size);
	}

}
