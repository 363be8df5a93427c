package org.bangfu.synthetic;

/**
 * The ID numbers already written, as an open-addressing set of 17-digit keys (8 bytes each,
 * at most 2× slack): about 64 MB for 3 million people, never a String per person.
 */
final class UsedIds {

	private static final long EMPTY = -1L;

	private long[] slots = newTable(1 << 16);

	private int size;

	/** Adds the key; false if it was already there. */
	boolean add(long key) {
		if (this.size * 10L >= this.slots.length * 7L) {
			grow();
		}
		if (!insert(this.slots, key)) {
			return false;
		}
		this.size++;
		return true;
	}

	int size() {
		return this.size;
	}

	private static boolean insert(long[] table, long key) {
		int mask = table.length - 1;
		int i = mix(key) & mask;
		while (table[i] != EMPTY) {
			if (table[i] == key) {
				return false;
			}
			i = (i + 1) & mask;
		}
		table[i] = key;
		return true;
	}

	private void grow() {
		long[] bigger = newTable(this.slots.length * 2);
		for (long k : this.slots) {
			if (k != EMPTY) {
				insert(bigger, k);
			}
		}
		this.slots = bigger;
	}

	private static long[] newTable(int capacity) {
		long[] t = new long[capacity];
		java.util.Arrays.fill(t, EMPTY);
		return t;
	}

	private static int mix(long key) {
		long h = key * 0x9E3779B97F4A7C15L;
		return (int) (h ^ (h >>> 29));
	}

}
