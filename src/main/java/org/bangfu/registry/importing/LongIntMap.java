package org.bangfu.registry.importing;

import java.util.Arrays;

/**
 * An open-addressing map from long keys to int values, without boxing: about 12 bytes per entry
 * at most twice over, so the survey of a file with millions of rows stays small.
 */
final class LongIntMap {

	static final int MISSING = Integer.MIN_VALUE;

	private static final long FREE = Long.MIN_VALUE;

	private long[] keys;

	private int[] values;

	private int size;

	private int mask;

	LongIntMap(int expected) {
		int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
		allocate(capacity);
	}

	int size() {
		return size;
	}

	int get(long key) {
		int i = find(key);
		return keys[i] == FREE ? MISSING : values[i];
	}

	/** Puts the value unless the key is there; returns the value already there, or {@link #MISSING}. */
	int putIfAbsent(long key, int value) {
		int i = find(key);
		if (keys[i] != FREE) {
			return values[i];
		}
		insertAt(i, key, value);
		return MISSING;
	}

	/** Adds delta to the key's value (0 when absent); returns the new value. */
	int add(long key, int delta) {
		int i = find(key);
		if (keys[i] != FREE) {
			values[i] += delta;
			return values[i];
		}
		insertAt(i, key, delta);
		return delta;
	}

	/** Calls the consumer for every entry. */
	void forEach(Entry consumer) {
		for (int i = 0; i < keys.length; i++) {
			if (keys[i] != FREE) {
				consumer.accept(keys[i], values[i]);
			}
		}
	}

	@FunctionalInterface
	interface Entry {

		void accept(long key, int value);

	}

	private void insertAt(int i, long key, int value) {
		keys[i] = key == FREE ? FREE + 1 : key;
		values[i] = value;
		if (++size * 4 > keys.length * 3) {
			grow();
		}
	}

	private int find(long key) {
		long k = key == FREE ? FREE + 1 : key;
		int i = (int) mix(k) & mask;
		while (keys[i] != FREE && keys[i] != k) {
			i = (i + 1) & mask;
		}
		return i;
	}

	private void grow() {
		long[] oldKeys = keys;
		int[] oldValues = values;
		allocate(keys.length * 2);
		size = 0;
		for (int i = 0; i < oldKeys.length; i++) {
			if (oldKeys[i] != FREE) {
				int j = find(oldKeys[i]);
				keys[j] = oldKeys[i];
				values[j] = oldValues[i];
				size++;
			}
		}
	}

	private void allocate(int capacity) {
		keys = new long[capacity];
		Arrays.fill(keys, FREE);
		values = new int[capacity];
		mask = capacity - 1;
	}

	private static long mix(long k) {
		k ^= k >>> 33;
		k *= 0xff51afd7ed558ccdL;
		k ^= k >>> 33;
		k *= 0xc4ceb9fe1a85ec53L;
		return k ^ (k >>> 33);
	}

}
