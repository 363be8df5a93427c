package org.bangfu.registry.internal;

import org.bangfu.registry.HouseholdQuery;

/**
 * The order of the register's list and how its pages are reached. Sorts on a household column
 * walk that column's index with the id as tie-breaker (V077), and a page next to another is read
 * from its neighbour's cursor (keyset). The head's name lives on another table and has no such
 * index; its pages are reached by offset, carried in the same kind of cursor.
 */
record ListOrder(String sort, String column, boolean descending) {

	static ListOrder of(HouseholdQuery q) {
		return new ListOrder(q.sortOrDefault(), HouseholdSearch.ORDER.get(q.sortOrDefault()), q.descending());
	}

	boolean keyset() {
		return !"headName".equals(sort);
	}

	/** The join the inner query needs to sort (the head's name), or nothing. */
	String headJoin() {
		return keyset() ? "" : "LEFT JOIN registry_member hm ON hm.household_id = h.id AND hm.relation = 'HEAD' AND hm.active";
	}

	/** ORDER BY terms: the sort key, then the id, both in the list's direction (reversed to read a page backwards). */
	String by(boolean backwards, String id) {
		return by(backwards, column, id);
	}

	String by(boolean backwards, String key, String id) {
		String dir = descending != backwards ? " DESC" : " ASC";
		return key + dir + (keyset() ? "" : " NULLS LAST") + ", " + id + dir;
	}

	/** Rows strictly beyond the cursor's row in the direction read. */
	String keysetCondition(boolean backwards) {
		return "(" + column + ", h.id) " + (descending != backwards ? "<" : ">") + " (:cursorKey, :cursorId)";
	}

	/** Where the page starts in the list: 0 after a keyset cursor, the cursor's offset by head's name, else by page. */
	long offset(PageCursor cursor, int page, int size) {
		if (cursor == null) {
			return (long) (page - 1) * size;
		}
		if (keyset()) {
			return 0;
		}
		try {
			return Math.max(0, Long.parseLong(cursor.key()));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	/** The cursor of a neighbouring page: its edge row by keyset, or the offset the page starts at. */
	String cursor(Object key, long id, long offsetOfPage) {
		return keyset() ? PageCursor.of(sort, key, id).encode()
				: new PageCursor(sort, Long.toString(Math.max(0, offsetOfPage)), 0).encode();
	}

}
