package org.bangfu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * An offline dependency check: every jar of the test classpath (a superset of the runtime one) that
 * comes from a Maven repository is named by its path (group/artifact/version), and none may fall
 * in a range of the committed advisory list {@code security/advisories.txt}. No network is needed;
 * docs/operations.md says how to refresh the list.
 */
class DependencyAdvisoryTests {

	/** A jar in a Maven repository: …/group/as/path/artifact/version/artifact-version[-classifier].jar */
	static final Pattern JAR = Pattern.compile(".*/repository/(.+)/([^/]+)/([^/]+)/\\2-\\3(-[^/]*)?\\.jar$");

	record Artifact(String group, String artifact, String version) {

		String coordinates() {
			return group + ":" + artifact;
		}

	}

	record Advisory(String coordinates, String ranges, String ids, String summary) {

		boolean affects(Artifact a) {
			if (!coordinates.equals(a.coordinates())) {
				return false;
			}
			for (String range : ranges.split("\\|")) {
				if (inRange(a.version(), range.strip())) {
					return true;
				}
			}
			return false;
		}

	}

	static List<Artifact> classpath() {
		List<Artifact> found = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
			Matcher m = JAR.matcher(Path.of(entry).toAbsolutePath().toString().replace('\\', '/'));
			if (m.matches()) {
				found.add(new Artifact(m.group(1).replace('/', '.'), m.group(2), m.group(3)));
			}
		}
		return found;
	}

	static List<Advisory> advisories() {
		List<Advisory> list = new ArrayList<>();
		try (BufferedReader in = new BufferedReader(new InputStreamReader(
				DependencyAdvisoryTests.class.getResourceAsStream("/security/advisories.txt"), StandardCharsets.UTF_8))) {
			for (String line; (line = in.readLine()) != null;) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] f = line.split(";", 4);
				list.add(new Advisory(f[0].strip(), f[1].strip(), f[2].strip(), f.length > 3 ? f[3].strip() : ""));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return list;
	}

	/** A Maven range: [a,b) (a,b] [a,] (,b) … an empty bound is open. */
	static boolean inRange(String version, String range) {
		boolean lowInclusive = range.startsWith("[");
		boolean highInclusive = range.endsWith("]");
		String[] bounds = range.substring(1, range.length() - 1).split(",", -1);
		String low = bounds[0].strip();
		String high = bounds.length > 1 ? bounds[1].strip() : low;
		if (!low.isEmpty()) {
			int c = compare(version, low);
			if (c < 0 || c == 0 && !lowInclusive) {
				return false;
			}
		}
		if (!high.isEmpty()) {
			int c = compare(version, high);
			return c < 0 || c == 0 && highInclusive;
		}
		return true;
	}

	/**
	 * Maven's order, simplified: numbers compare as numbers; a qualifier ranks alpha &lt; beta &lt;
	 * milestone &lt; rc &lt; snapshot &lt; release (none, final, ga, release) &lt; sp &lt; anything else.
	 */
	static int compare(String a, String b) {
		List<String> x = tokens(a);
		List<String> y = tokens(b);
		for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
			String p = i < x.size() ? x.get(i) : "";
			String q = i < y.size() ? y.get(i) : "";
			int c = compareToken(p, q);
			if (c != 0) {
				return c;
			}
		}
		return 0;
	}

	private static List<String> tokens(String v) {
		List<String> out = new ArrayList<>();
		for (String part : v.toLowerCase(Locale.ROOT).split("[.\\-_]")) {
			Matcher m = Pattern.compile("\\d+|[a-z]+").matcher(part);
			while (m.find()) {
				out.add(m.group());
			}
		}
		// trailing zeros and release markers do not change a version: 1.0 = 1 = 1.0.final
		while (!out.isEmpty() && (out.get(out.size() - 1).equals("0") || rank(out.get(out.size() - 1)) == 5)) {
			out.remove(out.size() - 1);
		}
		return out;
	}

	private static int compareToken(String p, String q) {
		boolean pn = !p.isEmpty() && Character.isDigit(p.charAt(0));
		boolean qn = !q.isEmpty() && Character.isDigit(q.charAt(0));
		// a missing part next to a number counts as 0 (10.1 = 10.1.0); next to a qualifier as a release
		if (pn && (qn || q.isEmpty()) || qn && p.isEmpty()) {
			return new java.math.BigInteger(p.isEmpty() ? "0" : p).compareTo(new java.math.BigInteger(q.isEmpty() ? "0" : q));
		}
		if (pn || qn) {
			return pn ? 1 : -1;
		}
		int c = Integer.compare(rank(p), rank(q));
		return c != 0 ? c : p.compareTo(q);
	}

	private static int rank(String qualifier) {
		return switch (qualifier) {
			case "alpha", "a" -> 1;
			case "beta", "b" -> 2;
			case "milestone", "m" -> 3;
			case "rc", "cr" -> 4;
			case "snapshot" -> 4;
			case "", "final", "ga", "release" -> 5;
			case "sp" -> 6;
			default -> 7;
		};
	}

	@Test
	void noDependencyHasAKnownAdvisory() {
		List<Artifact> jars = classpath();
		assertThat(jars).as("the jars of the classpath are recognised").hasSizeGreaterThan(50)
			.anySatisfy(a -> assertThat(a.coordinates()).isEqualTo("org.postgresql:postgresql"));
		List<String> hits = new ArrayList<>();
		for (Advisory advisory : advisories()) {
			for (Artifact a : jars) {
				if (advisory.affects(a)) {
					hits.add(a.coordinates() + ":" + a.version() + " — " + advisory.ids() + " (" + advisory.summary() + ")");
				}
			}
		}
		assertThat(hits).as("dependencies with a known advisory: upgrade them (or, when the advisory cannot apply, "
				+ "say why in advisories.txt and narrow its range)").isEmpty();
	}

	@Test
	void theListIsReadAndItsRangesMatchAffectedVersionsOnly() {
		assertThat(advisories()).hasSizeGreaterThan(10).allSatisfy(a -> {
			assertThat(a.coordinates()).contains(":");
			assertThat(a.ranges()).matches("([\\[(][^,\\])]*,[^,\\])]*[\\])])(\\|[\\[(][^,\\])]*,[^,\\])]*[\\])])*");
		});
		Advisory log4shell = advisories().stream()
			.filter(a -> a.coordinates().equals("org.apache.logging.log4j:log4j-core"))
			.findFirst()
			.orElseThrow();
		assertThat(log4shell.affects(new Artifact("org.apache.logging.log4j", "log4j-core", "2.14.1"))).isTrue();
		assertThat(log4shell.affects(new Artifact("org.apache.logging.log4j", "log4j-core", "2.17.1"))).isFalse();
		assertThat(log4shell.affects(new Artifact("org.apache.logging.log4j", "log4j-core", "2.0-beta9"))).isTrue();
		assertThat(log4shell.affects(new Artifact("org.apache.logging.log4j", "log4j-core", "2.0-alpha1"))).isFalse();
		assertThat(inRange("4.1.107.Final", "[,4.1.108.Final)")).isTrue();
		assertThat(inRange("4.1.108.Final", "[,4.1.108.Final)")).isFalse();
		assertThat(inRange("10.1.0-M5", "[10.1.0-M1,10.1.35)")).isTrue();
		assertThat(inRange("10.1.0", "[10.1.0-M1,10.1.35)")).isTrue();
		assertThat(inRange("11.0.3", "[11.0.0-M1,11.0.3)")).isFalse();
		assertThat(inRange("42.7.1", "[42.7.0,42.7.2)")).isTrue();
		assertThat(inRange("42.7.10", "[42.7.0,42.7.2)")).isFalse();
		assertThat(inRange("2.0", "[,2.0)")).isFalse();
		assertThat(inRange("1.33", "[,2.0)")).isTrue();
	}

}
