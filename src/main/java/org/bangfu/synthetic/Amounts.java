package org.bangfu.synthetic;

import java.util.SplittableRandom;

/** Yuan amounts written as text without String.format. */
final class Amounts {

	private Amounts() {
	}

	/** {@code fen} as yuan with exactly two decimals, e.g. 123456 → "1234.56". */
	static String yuan(long fen) {
		StringBuilder sb = new StringBuilder(12);
		if (fen < 0) {
			sb.append('-');
			fen = -fen;
		}
		long cents = fen % 100;
		sb.append(fen / 100).append('.');
		if (cents < 10) {
			sb.append('0');
		}
		return sb.append(cents).toString();
	}

	/** A random amount of fen between {@code minYuan} and {@code maxYuan}, small amounts more likely. */
	static long fen(SplittableRandom rng, int minYuan, int maxYuan) {
		double u = rng.nextDouble();
		return minYuan * 100L + (long) (u * u * (maxYuan - minYuan) * 100L);
	}

	/** {@code n} random decimal digits. */
	static String digits(SplittableRandom rng, int n) {
		char[] d = new char[n];
		for (int i = 0; i < n; i++) {
			d[i] = (char) ('0' + rng.nextInt(10));
		}
		return new String(d);
	}

	/** Several values joined by one of the template's list separators (mostly 、). */
	static String join(SplittableRandom rng, String[] values, int count) {
		if (count == 0) {
			return "";
		}
		if (count == 1) {
			return values[0];
		}
		int u = rng.nextInt(100);
		String sep = u < 85 ? "、" : (u < 95 ? "；" : "|");
		StringBuilder sb = new StringBuilder(values[0]);
		for (int i = 1; i < count; i++) {
			sb.append(sep).append(values[i]);
		}
		return sb.toString();
	}

}
