package org.bangfu.synthetic;

import java.util.SplittableRandom;

/** Hands out ID numbers that never repeat within one generated file. */
final class IdAllocator {

	private final UsedIds used = new UsedIds();

	private final char[] id = new char[18];

	/** A valid, new ID number for a person born on {@code yyyymmdd} registered in {@code county}. */
	String allocate(String county, int yyyymmdd, boolean male, SplittableRandom rng) {
		return unique(county, yyyymmdd, male ? rng.nextInt(500) * 2 + 1 : rng.nextInt(1, 500) * 2);
	}

	/** The same person's ID number with an impossible birth date (and a correct check char), still unique. */
	String withImpossibleDate(String valid, SplittableRandom rng) {
		int year = Integer.parseInt(valid, 6, 10, 10);
		int[] monthDays = { 230, 231, 431, 631, 931, 1131, 1301, 1532, 100, 1200, 1032 };
		int date = year * 10000 + monthDays[rng.nextInt(monthDays.length)];
		return unique(valid.substring(0, 6), date, Integer.parseInt(valid, 14, 17, 10));
	}

	/** The number with sequence {@code sequence} or the next free one of the same parity (never 000). */
	private String unique(String county, int yyyymmdd, int sequence) {
		for (int tries = 0; tries < 500; tries++) {
			IdNumbers.fill(this.id, county, yyyymmdd, sequence);
			if (this.used.add(IdNumbers.key(this.id))) {
				return new String(this.id);
			}
			sequence = sequence + 2 > 999 ? sequence + 2 - 998 : sequence + 2;
		}
		throw new IllegalStateException("All 500 sequence numbers used for " + county + " " + yyyymmdd);
	}

}
