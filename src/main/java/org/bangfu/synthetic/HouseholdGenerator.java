package org.bangfu.synthetic;

import org.bangfu.registry.TemplateColumn;
import static org.bangfu.registry.TemplateColumn.HOUSEHOLD_REF;
import static org.bangfu.registry.TemplateColumn.ID_NUMBER;
import static org.bangfu.registry.TemplateColumn.REGION_CODE;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes synthetic households in the standard import template, one household at a time, and
 * a manifest of the defects planted in some of them. The same options (seed included) always
 * give byte-identical files.
 */
public final class HouseholdGenerator {

	private static final Defect[] ROUND_ROBIN = Defect.values();

	private final GeneratorOptions options;

	private final SplittableRandom rng;

	private final IdAllocator ids = new IdAllocator();

	private final HouseholdComposer composer;

	private final PersonProfile persons = new PersonProfile();

	private final HouseholdProfile households = new HouseholdProfile();

	private final DefectPlanter planter = new DefectPlanter(this.ids);

	/** The optional economics columns (null: left empty). */
	private final EconomicsProfile economics;

	/** The head of the latest household without a defect, to copy for a duplicate ID number. */
	private Remembered last;

	private long defects;

	/** Given region codes to place households in (null: the townships under the options' region prefix). */
	private final List<String> regions;

	public HouseholdGenerator(GeneratorOptions options) {
		this(options, null);
	}

	/**
	 * Places the households in the given 9- or 12-digit region codes (e.g. the villages of a demo's
	 * townships) instead of the townships under the options' prefix.
	 */
	public HouseholdGenerator(GeneratorOptions options, List<String> regionCodes) {
		this.regions = regionCodes == null ? null : List.copyOf(regionCodes);
		this.options = options;
		this.rng = new SplittableRandom(options.seed());
		this.composer = new HouseholdComposer(options.asOf());
		this.economics = options.economics() == null ? null : new EconomicsProfile(options.economics(), options.seed());
	}

	/** What was written and how long it took. */
	public record Result(long households, long rows, long defects, double seconds) {
	}

	public Result generate() throws IOException {
		long start = System.nanoTime();
		Townships townships = this.regions != null ? Townships.of(this.regions)
				: Townships.load(this.options.regionPrefix());
		long row = 2;
		try (HouseholdSink sink = this.options.xlsx() ? new XlsxHouseholdSink(this.options.out())
				: new CsvHouseholdSink(this.options.out(), this.options.encoding());
				Writer manifest = new BufferedWriter(
						Files.newBufferedWriter(this.options.manifest(), StandardCharsets.UTF_8), 1 << 16)) {
			sink.row(TemplateColumn.headers());
			manifest.write(ManifestEntry.HEADER + "\n");
			for (long i = 0; i < this.options.count(); i++) {
				String[][] rows = household(i, row, townships, manifest);
				for (String[] r : rows) {
					sink.row(r);
				}
				row += rows.length;
			}
		}
		return new Result(this.options.count(), row - 2, this.defects, (System.nanoTime() - start) / 1e9);
	}

	private String[][] household(long index, long firstRow, Townships townships, Writer manifest) throws IOException {
		Defect defect = null;
		if (this.options.defective(index)) {
			defect = ROUND_ROBIN[(int) (this.defects % ROUND_ROBIN.length)];
			if (defect == Defect.DUPLICATE_ID_NUMBER && this.last == null) {
				defect = Defect.BAD_PHONE;
			}
			this.defects++;
		}
		boolean duplicate = defect == Defect.DUPLICATE_ID_NUMBER;
		String ref = ref(index);
		int size = HouseholdComposer.size(this.rng);
		if (defect != null && defect.needsTwoMembers() && size < 2) {
			size = 2;
		}
		String township = duplicate ? this.last.township : townships.pick(this.rng);
		String county = township.substring(0, 6);
		List<Member> members = this.composer.compose(size, this.rng, duplicate ? this.last.head : null);
		String[][] rows = new String[size][TemplateColumn.COUNT];
		int[] ages = new int[size];
		for (int j = 0; j < size; j++) {
			Member m = members.get(j);
			ages[j] = m.age(this.options.asOf());
			String[] cells = rows[j];
			cells[HOUSEHOLD_REF.ordinal()] = ref;
			cells[ID_NUMBER.ordinal()] = duplicate && j == 0 ? this.last.id
					: this.ids.allocate(county, m.birthNumber(), m.male, this.rng);
			this.persons.fill(cells, m, ages[j], size, this.rng);
		}
		rows[0][REGION_CODE.ordinal()] = township;
		this.households.fill(rows, ages, this.rng);
		if (this.economics != null) {
			this.economics.fill(rows, ages);
		}
		if (duplicate) {
			manifest.write(new ManifestEntry(ref, Long.toString(firstRow), ID_NUMBER.header(), defect,
					"same ID number as " + this.last.ref + " row " + this.last.row).csvLine() + "\n");
		}
		else if (defect != null) {
			manifest.write(this.planter.plant(defect, ref, rows, firstRow, this.rng).csvLine() + "\n");
		}
		else {
			this.last = new Remembered(members.get(0), rows[0][ID_NUMBER.ordinal()], township, ref, firstRow);
		}
		return rows;
	}

	/** H00000001 for the first household; more digits past 99,999,999. */
	static String ref(long index) {
		String n = Long.toString(index + 1);
		if (n.length() >= 8) {
			return "H" + n;
		}
		char[] c = new char[9];
		c[0] = 'H';
		int pad = 8 - n.length();
		for (int i = 1; i <= pad; i++) {
			c[i] = '0';
		}
		n.getChars(0, n.length(), c, 1 + pad);
		return new String(c);
	}

	private record Remembered(Member head, String id, String township, String ref, long row) {
	}

}
