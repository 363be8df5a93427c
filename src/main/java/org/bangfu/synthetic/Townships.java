package org.bangfu.synthetic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

/** The real township-level (9-digit) codes the generator places households in, or given codes. */
final class Townships {

	static final String RESOURCE = "/regions/regions-to-township.csv.gz";

	private final String[] codes;

	private Townships(List<String> codes) {
		this.codes = codes.toArray(String[]::new);
	}

	/**
	 * Townships whose code starts with {@code prefix} (a province, city or county code such as
	 * 420102), or all of them when the prefix is null or empty.
	 */
	static Townships load(String prefix) {
		String p = prefix == null ? "" : prefix.trim();
		if (!p.chars().allMatch(Character::isDigit) || p.length() > 9) {
			throw new IllegalArgumentException("Region prefix must be up to 9 digits: " + prefix);
		}
		List<String> codes = new ArrayList<>();
		try (InputStream in = Townships.class.getResourceAsStream(RESOURCE);
				BufferedReader reader = new BufferedReader(
						new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
			reader.readLine();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				int c1 = line.indexOf(',');
				int c2 = line.indexOf(',', c1 + 1);
				if (line.charAt(c2 + 1) == '4' && line.charAt(c2 + 2) == ',' && line.startsWith(p)) {
					codes.add(line.substring(0, 9));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (codes.isEmpty()) {
			throw new IllegalArgumentException("No township under region " + prefix);
		}
		return new Townships(codes);
	}

	/** Exactly these region codes (townships or villages, e.g. a demo's villages). */
	static Townships of(List<String> codes) {
		if (codes == null || codes.isEmpty()) {
			throw new IllegalArgumentException("No region codes given");
		}
		for (String c : codes) {
			if (c == null || !c.matches("\\d{9}|\\d{12}")) {
				throw new IllegalArgumentException("Region codes must have 9 or 12 digits: " + c);
			}
		}
		return new Townships(codes);
	}

	String pick(SplittableRandom rng) {
		return this.codes[rng.nextInt(this.codes.length)];
	}

	int size() {
		return this.codes.length;
	}

}
