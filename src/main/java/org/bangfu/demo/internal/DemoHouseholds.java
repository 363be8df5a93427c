package org.bangfu.demo.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.bangfu.demo.internal.DemoActors.DemoUser;
import org.bangfu.organisation.Organisations;
import org.bangfu.organisation.RegionView;
import org.bangfu.organisation.Regions;
import org.bangfu.registry.HouseholdImports;
import org.bangfu.registry.HouseholdPage;
import org.bangfu.registry.HouseholdQuery;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdRow;
import org.bangfu.registry.ImportView;
import org.bangfu.registry.OnExisting;
import org.bangfu.shared.Scope;
import org.bangfu.synthetic.GeneratorOptions;
import org.bangfu.synthetic.HouseholdGenerator;
import org.springframework.stereotype.Component;

/**
 * The demo households: generated with a fixed seed (every installation shows the same example)
 * in the villages of each demo organisation's township, written as the standard template and
 * imported through the register's import, so the import page lists them like any other file.
 */
@Component
class DemoHouseholds {

	/** An organisation of the demo, the township its villages are under, and how many households it gets. */
	record Share(String organisationCode, String township, int households, long seed, String fileName) {
	}

	static final List<Share> SHARES = List.of(
			new Share("JA-DZ-UNION", "420102002", 120, 20260101L, "大智街道困难职工摸底.csv"),
			new Share("JA-YY-UNION", "420102003", 100, 20260102L, "一元街道困难职工摸底.csv"),
			new Share("JA-CZ-C01", "420102004", 80, 20260103L, "车站社区困难家庭摸底.csv"));

	private final HouseholdImports imports;

	private final HouseholdRegistry registry;

	private final Regions regions;

	private final Organisations organisations;

	DemoHouseholds(HouseholdImports imports, HouseholdRegistry registry, Regions regions, Organisations organisations) {
		this.organisations = organisations;
		this.imports = imports;
		this.registry = registry;
		this.regions = regions;
	}

	/** Generates and imports the share's households as the user; returns the finished import. */
	ImportView load(Share share, DemoUser importer) {
		Path dir = null;
		try {
			dir = Files.createTempDirectory("bangfu-demo");
			Path file = dir.resolve(share.fileName());
			new HouseholdGenerator(new GeneratorOptions(share.households(), share.seed(), file, 0,
					StandardCharsets.UTF_8, share.township(), GeneratorOptions.AS_OF), villages(share.township()))
				.generate();
			return DemoActors.as(importer, () -> {
				try {
					return imports.importLocal(share.organisationCode(), file, OnExisting.SKIP, Locale.SIMPLIFIED_CHINESE,
							(read, total, accepted, rejected, skipped) -> {
							});
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			delete(dir);
		}
	}

	/** Whether every demo organisation exists and none holds a household yet. */
	boolean fresh() {
		for (Share share : SHARES) {
			var org = organisations.findByCode(DemoActors.ALL, share.organisationCode());
			if (org.isEmpty() || registry.search(DemoActors.scopeOf(org.get()), HouseholdQuery.all()).total() > 0) {
				return false;
			}
		}
		return true;
	}

	/** The township's villages (12 digits), or the township itself when no village codes are loaded. */
	List<String> villages(String township) {
		List<String> codes = regions.children(township).stream().map(RegionView::code).toList();
		return codes.isEmpty() ? List.of(township) : codes;
	}

	/** The households in the scope, in file-number order. */
	List<HouseholdRow> rows(Scope scope) {
		List<HouseholdRow> rows = new ArrayList<>();
		String after = null;
		do {
			HouseholdPage page = registry.search(scope, new HouseholdQuery(null, null, null, null, null, null, null,
					"fileNo", "asc", null, 100, after, null));
			rows.addAll(page.rows());
			after = page.next();
		}
		while (after != null);
		return rows;
	}

	static List<Long> ids(List<HouseholdRow> rows) {
		return rows.stream().map(HouseholdRow::id).toList();
	}

	/** Households from the given position on, the smallest first (fewer identity papers for their cases). */
	static List<Long> smallFirst(List<HouseholdRow> rows, int from) {
		return rows.subList(from, rows.size()).stream()
			.sorted(Comparator.comparingInt(HouseholdRow::size))
			.map(HouseholdRow::id)
			.toList();
	}

	private static void delete(Path dir) {
		if (dir == null) {
			return;
		}
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
		catch (IOException ex) {
			// a leftover temporary file is harmless
		}
	}

}
