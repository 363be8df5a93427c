package org.bangfu.bench;

/**
 * One line of the benchmark table: what was measured, Bangfu's figure, the reference figure
 * (raw PostgreSQL or a bare endpoint) where there is one, their ratio, the goal and a note.
 */
record Measurement(String step, String bangfu, String reference, Double ratio, String goal, boolean met, String note) {

	static Measurement ratio(String step, double bangfuSeconds, double referenceSeconds, double goalRatio,
			String note) {
		double r = bangfuSeconds / referenceSeconds;
		return new Measurement(step, seconds(bangfuSeconds), seconds(referenceSeconds), r,
				"≤ " + goalRatio + " ×", r <= goalRatio, note);
	}

	static String seconds(double s) {
		return s >= 10 ? String.format("%.1f s", s) : String.format("%.3f s", s);
	}

	static String millis(double ms) {
		return String.format("%.2f ms", ms);
	}

	String ratioText() {
		return ratio == null ? "" : String.format("%.2f", ratio);
	}

}
