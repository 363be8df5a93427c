package org.bangfu.synthetic;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import org.bangfu.platform.CommandLine.Command;

/**
 * What to generate: {@code count} households into {@code out} (.csv or .xlsx) from {@code seed};
 * a fraction of them with one planted defect; CSV encoding; an optional region prefix (e.g. a
 * county code); ages and birth dates are relative to {@code asOf} so that a seed always gives
 * the same file. With {@code economics} (a month, e.g. the month of the import) the optional
 * economics columns are filled as of that month too: yearly income for its year, a month's income
 * for the month before, this year's spending, sudden costs in the 12 months before and assets;
 * without it they stay empty (and the other columns are the same either way).
 */
public record GeneratorOptions(long count, long seed, Path out, double badFraction, Charset encoding,
		String regionPrefix, LocalDate asOf, YearMonth economics) {

	/** The default reference date for ages. */
	public static final LocalDate AS_OF = LocalDate.of(2026, 1, 1);

	public static final String USAGE = "generate households --count N --seed S --out FILE.csv|FILE.xlsx"
			+ " [--bad-fraction F] [--encoding utf-8|gb18030] [--county 420102] [--economics 2026-12]";

	/** Without the economics columns. */
	public GeneratorOptions(long count, long seed, Path out, double badFraction, Charset encoding, String regionPrefix,
			LocalDate asOf) {
		this(count, seed, out, badFraction, encoding, regionPrefix, asOf, null);
	}

	public GeneratorOptions {
		if (count < 1) {
			throw new IllegalArgumentException("--count must be at least 1");
		}
		if (badFraction < 0 || badFraction > 0.5) {
			throw new IllegalArgumentException("--bad-fraction must be between 0 and 0.5");
		}
		if (!isCsv(out) && !isXlsx(out)) {
			throw new IllegalArgumentException("--out must end in .csv or .xlsx: " + out);
		}
		if (isXlsx(out) && count > XlsxHouseholdSink.MAX_HOUSEHOLDS) {
			throw new IllegalArgumentException(".xlsx is limited to " + XlsxHouseholdSink.MAX_HOUSEHOLDS + " households");
		}
	}

	/** Reads {@code --count --seed --out --bad-fraction --encoding --county} (or {@code --region}) {@code --economics}. */
	public static GeneratorOptions parse(List<String> args) {
		String count = Command.option(args, "count");
		String out = Command.option(args, "out");
		if (count == null || out == null) {
			throw new IllegalArgumentException("Usage: " + USAGE);
		}
		String seed = Command.option(args, "seed");
		String bad = Command.option(args, "bad-fraction");
		String encoding = Command.option(args, "encoding");
		String county = Command.option(args, "county");
		if (county == null) {
			county = Command.option(args, "region");
		}
		String economics = Command.option(args, "economics");
		return new GeneratorOptions(Long.parseLong(count), seed == null ? 1L : Long.parseLong(seed), Path.of(out),
				bad == null ? 0 : Double.parseDouble(bad), charset(encoding), county, AS_OF,
				economics == null ? null : YearMonth.parse(economics));
	}

	static Charset charset(String name) {
		if (name == null) {
			return StandardCharsets.UTF_8;
		}
		return switch (name.toLowerCase(Locale.ROOT).replace("-", "")) {
			case "utf8" -> StandardCharsets.UTF_8;
			case "gb18030" -> Charset.forName("GB18030");
			default -> throw new IllegalArgumentException("--encoding must be utf-8 or gb18030");
		};
	}

	public boolean xlsx() {
		return isXlsx(this.out);
	}

	/** The manifest of planted defects: {@code households.csv} → {@code households.manifest.csv}. */
	public Path manifest() {
		String name = this.out.getFileName().toString();
		return this.out.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".manifest.csv");
	}

	/** Whether household number {@code i} (from 0) gets a defect: exactly ⌊count × fraction⌋ of them, evenly spread. */
	boolean defective(long i) {
		return (long) Math.floor((i + 1) * this.badFraction) > (long) Math.floor(i * this.badFraction);
	}

	private static boolean isCsv(Path p) {
		return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
	}

	private static boolean isXlsx(Path p) {
		return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
	}

}
