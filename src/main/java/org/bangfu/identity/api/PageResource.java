package org.bangfu.identity.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** One page of a list: the items, the page number (from 0), its size and the total count. */
@Schema(name = "Page")
record PageResource<T>(List<T> items, int page, int size, long total) {

	static final int MAX_SIZE = 100;

	static int size(int requested) {
		return Math.min(MAX_SIZE, Math.max(1, requested));
	}

}
