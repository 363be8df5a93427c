package org.bangfu.pairing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bangfu.audit.AuditLog;
import org.bangfu.pairing.PairingCommands.Pair;
import org.bangfu.pairing.PairingVocabulary.PairingType;
import org.bangfu.pairing.internal.ImportColumn;
import org.bangfu.pairing.internal.PairingImportStore;
import org.bangfu.platform.files.FileStore;
import org.bangfu.platform.files.FileStore.StoredFile;
import org.bangfu.platform.sheets.SheetErrorReport;
import org.bangfu.platform.sheets.SheetRow;
import org.bangfu.platform.sheets.SheetSource;
import org.bangfu.platform.sheets.Spreadsheets;
import org.bangfu.registry.HouseholdQuery;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdRow;
import org.bangfu.registry.Vocabulary.HouseholdStatus;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.IdNumber;
import org.bangfu.shared.Scope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

/**
 * Bulk pairing from an Excel (.xlsx) or CSV file: one row per pairing with the cadre, the
 * household, start, planned end and type (columns in {@link ImportColumn}). The file is read
 * the same way as the register's import (type by content, zip bombs refused, CSV in UTF-8 or
 * GB18030) and rejected rows come back in the same kind of error report: the file's columns plus
 * an error column, in the importer's language.
 * <p>
 * <b>Each row stands alone</b>, in file order: a good row is paired (in its own transaction,
 * through {@link Pairings#pair}, so the cap is the database's as for any pairing) even when
 * other rows are rejected; a row that would pass a cadre's cap is rejected naming the cadre and
 * the cap, and so are the following rows for that cadre. Fixing the error report and importing it
 * again adds the rest. Cadres and households outside the importer's organisation subtree are "not
 * found". Problems with the whole file (type, size, header, too many rows) refuse it before
 * anything is paired.
 */
@Service
public class PairingImports {

	static final String UPLOAD_AREA = "pairing-imports";

	static final String REPORT_AREA = "pairing-import-reports";

	private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})(?:\\s*日)?");

	private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

	private final Pairings pairings;

	private final PairingImportStore store;

	private final HouseholdRegistry registry;

	private final FileStore files;

	private final MessageSource messages;

	private final AuditLog audit;

	private final long maxFileSize;

	private final long maxUnpacked;

	private final int maxRows;

	private final int listedProblems;

	PairingImports(Pairings pairings, PairingImportStore store, HouseholdRegistry registry, FileStore files,
			MessageSource messages, AuditLog audit,
			@Value("${bangfu.pairing.import.max-file-size:10MB}") DataSize maxFileSize,
			@Value("${bangfu.pairing.import.max-unpacked-size:200MB}") DataSize maxUnpacked,
			@Value("${bangfu.pairing.import.max-rows:5000}") int maxRows,
			@Value("${bangfu.pairing.import.listed-problems:200}") int listedProblems) {
		this.pairings = pairings;
		this.store = store;
		this.registry = registry;
		this.files = files;
		this.messages = messages;
		this.audit = audit;
		this.maxFileSize = maxFileSize.toBytes();
		this.maxUnpacked = maxUnpacked.toBytes();
		this.maxRows = maxRows;
		this.listedProblems = listedProblems;
	}

	public int maxRows() {
		return maxRows;
	}

	public int listedProblems() {
		return listedProblems;
	}

	/**
	 * Stores the upload, pairs its good rows and records the import (audited); the error report
	 * is written in the given language. A problem with the whole file is thrown (field
	 * {@code file}) and nothing is paired or kept.
	 */
	public PairingImportView importFile(Actor actor, String fileName, InputStream in, Locale locale) throws IOException {
		String name = fileName == null || fileName.isBlank() ? "upload" : Path.of(fileName).getFileName().toString();
		name = name.length() > 255 ? name.substring(name.length() - 255) : name;
		StoredFile upload = files.store(UPLOAD_AREA, in, maxFileSize);
		boolean kept = false;
		try {
			Run run = run(actor.scope(), files.path(upload.key()), name, locale);
			long id = store.insert(actor.organisationId(), name, upload.key(), upload.size(), upload.sha256(), run.rows,
					run.paired, run.rejected, run.reportKey, locale.toLanguageTag(), actor.login());
			store.insertProblems(id, run.problems.subList(0, Math.min(listedProblems, run.problems.size())));
			kept = true;
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("fileName", name);
			detail.put("sha256", upload.sha256());
			detail.put("rowsRead", run.rows);
			detail.put("rowsPaired", run.paired);
			detail.put("rowsRejected", run.rejected);
			detail.put("pairings", run.pairingIds);
			audit.record("pairing.import", "pairingImport", id, detail);
			return require(actor.scope(), id);
		}
		finally {
			if (!kept) {
				files.delete(upload.key());
			}
		}
	}

	public PairingImportView require(Scope scope, long id) {
		return store.find(scope, id).orElseThrow(() -> BangfuException.notFound("pairing.import.notFound", id));
	}

	public List<PairingImportView> recent(Scope scope, int limit) {
		return store.recent(scope, Math.max(1, Math.min(100, limit)));
	}

	/** The first problems of the import (at most {@link #listedProblems()} were kept; the error report has all). */
	public List<PairingImportProblem> problems(Scope scope, long id) {
		require(scope, id);
		return store.problems(scope, id, listedProblems);
	}

	/** The error report (it holds the rows as uploaded, ID numbers included): opened and audited. */
	public InputStream report(Scope scope, long id) throws IOException {
		require(scope, id);
		String key = store.reportKey(scope, id).orElseThrow(() -> BangfuException.notFound("pairing.import.noReport", id));
		InputStream in = files.open(key);
		audit.record("pairing.import.report", "pairingImport", id, Map.of());
		return in;
	}

	/** A problem's message in the locale (without its row and column). */
	public String message(PairingImportProblem p, Locale locale) {
		return messages.getMessage(p.key(), p.args().toArray(), p.key(), locale);
	}

	/** A problem as the error report words it: "干部账号：…". */
	private String describe(PairingImportProblem p, Locale locale) {
		String message = message(p, locale);
		return p.column() == null ? message : text(locale, "imports.report.cell", p.column(), message);
	}

	// ---- the run

	private static final class Run {

		int rows;

		int paired;

		int rejected;

		String reportKey;

		final List<PairingImportProblem> problems = new ArrayList<>();

		final List<Long> pairingIds = new ArrayList<>();

	}

	private Run run(Scope scope, Path file, String fileName, Locale locale) throws IOException {
		Run run = new Run();
		try (SheetSource source = Spreadsheets.open(file, fileName, maxFileSize, maxUnpacked)) {
			Header header = survey(source);
			SheetErrorReport[] report = { null };
			Map<Long, Long> pairedOnRow = new HashMap<>();
			try {
				boolean[] afterHeader = { false };
				source.read(row -> {
					if (row.blank()) {
						return true;
					}
					if (!afterHeader[0]) {
						afterHeader[0] = true;
						return true;
					}
					run.rows++;
					List<PairingImportProblem> problems = row(scope, header, row, pairedOnRow, run);
					if (problems.isEmpty()) {
						run.paired++;
						return true;
					}
					run.rejected++;
					run.problems.addAll(problems);
					if (report[0] == null) {
						run.reportKey = files.create(REPORT_AREA, ".xlsx");
						report[0] = new SheetErrorReport(files.path(run.reportKey), header.row,
								text(locale, "pairing.import.report.sheet"), text(locale, "imports.report.errorColumn"));
					}
					report[0].add(row, describe(row.number(), problems, locale));
					return true;
				});
			}
			catch (IOException | RuntimeException ex) {
				if (report[0] != null) {
					report[0].discard();
					files.delete(run.reportKey);
				}
				throw ex;
			}
			if (report[0] != null) {
				report[0].close();
			}
		}
		return run;
	}

	/** The header, and the number of data rows within the limit, before anything is paired. */
	private Header survey(SheetSource source) throws IOException {
		Header[] header = { null };
		int[] rows = { 0 };
		source.read(row -> {
			if (row.blank()) {
				return true;
			}
			if (header[0] == null) {
				header[0] = Header.of(row);
				return true;
			}
			return ++rows[0] <= maxRows;
		});
		if (header[0] == null) {
			throw BangfuException.badField("file", "imports.file.empty");
		}
		if (rows[0] == 0) {
			throw BangfuException.badField("file", "imports.header.only");
		}
		if (rows[0] > maxRows) {
			throw BangfuException.badField("file", "pairing.import.tooManyRows", maxRows);
		}
		return header[0];
	}

	/** Pairs one row; returns its problems (none: paired). */
	private List<PairingImportProblem> row(Scope scope, Header h, SheetRow row, Map<Long, Long> pairedOnRow, Run run) {
		List<PairingImportProblem> problems = new ArrayList<>();
		for (ImportColumn c : h.positions.keySet()) {
			if (h.formula(row, c)) {
				problems.add(problem(row, h, c, "pairing.import.formula"));
			}
		}
		LocalDate start = date(row, h, ImportColumn.STARTED_ON, problems);
		LocalDate plannedEnd = date(row, h, ImportColumn.PLANNED_END_ON, problems);
		PairingType type = type(row, h, problems);
		if (!problems.isEmpty()) {
			return problems;
		}
		Long[] cadre = cadre(scope, row, h, problems);
		Long household = household(scope, row, h, problems);
		if (!problems.isEmpty()) {
			return problems;
		}
		Long earlier = pairedOnRow.get(household);
		if (earlier != null) {
			return List.of(problem(row, h, null, "pairing.import.household.repeated", earlier));
		}
		try {
			PairingView p = pairings.pair(scope, new Pair(cadre[0], cadre[1], household, type, start, plannedEnd));
			pairedOnRow.put(household, row.number());
			run.pairingIds.add(p.id());
			return List.of();
		}
		catch (BangfuException ex) {
			ImportColumn column = switch (ex.field() == null ? "" : ex.field()) {
				case "cadreId", "userId" -> h.cadreColumn(row);
				case "householdId" -> h.householdColumn(row);
				case "plannedEndOn" -> ImportColumn.PLANNED_END_ON;
				default -> null;
			};
			return List.of(new PairingImportProblem(row.number(), column == null ? null : h.label(column),
					ex.messageKey(), Arrays.stream(ex.args()).map(String::valueOf).toList()));
		}
	}

	/** {cadreId, userId}, one of them set; adds a problem when the row names no cadre in the scope. */
	private Long[] cadre(Scope scope, SheetRow row, Header h, List<PairingImportProblem> problems) {
		String login = h.value(row, ImportColumn.CADRE_LOGIN);
		if (!login.isEmpty()) {
			var user = store.userByLogin(scope, login);
			if (user.isEmpty()) {
				problems.add(problem(row, h, ImportColumn.CADRE_LOGIN, "pairing.import.cadre.loginNotFound", login));
				return null;
			}
			return new Long[] { null, user.get() };
		}
		String number = h.value(row, ImportColumn.CADRE_ID);
		if (!number.isEmpty()) {
			long id;
			try {
				id = Long.parseLong(number);
			}
			catch (NumberFormatException ex) {
				problems.add(problem(row, h, ImportColumn.CADRE_ID, "pairing.import.cadre.idInvalid", number));
				return null;
			}
			try {
				pairings.cadre(scope, id);
			}
			catch (BangfuException ex) {
				problems.add(problem(row, h, ImportColumn.CADRE_ID, "pairing.import.cadre.idNotFound", number));
				return null;
			}
			return new Long[] { id, null };
		}
		String name = h.value(row, ImportColumn.CADRE_NAME);
		if (!name.isEmpty()) {
			String phone = h.value(row, ImportColumn.CADRE_PHONE);
			List<Long> found = store.cadresByName(scope, name, phone);
			if (found.isEmpty()) {
				problems.add(problem(row, h, ImportColumn.CADRE_NAME,
						phone.isEmpty() ? "pairing.import.cadre.nameNotFound" : "pairing.import.cadre.namePhoneNotFound",
						name));
				return null;
			}
			if (found.size() > 1) {
				problems.add(problem(row, h, ImportColumn.CADRE_NAME, "pairing.import.cadre.ambiguous", name));
				return null;
			}
			return new Long[] { found.get(0), null };
		}
		problems.add(problem(row, h, null, "pairing.import.cadre.missing"));
		return null;
	}

	/** The household's id; adds a problem when the row names no household in the scope (or two different ones). */
	private Long household(Scope scope, SheetRow row, Header h, List<PairingImportProblem> problems) {
		String idText = h.value(row, ImportColumn.ID_NUMBER);
		String fileNo = h.value(row, ImportColumn.FILE_NO);
		if (!idText.isEmpty()) {
			IdNumber id;
			try {
				id = IdNumber.parse(idText);
			}
			catch (BangfuException ex) {
				problems.add(problem(row, h, ImportColumn.ID_NUMBER, "pairing.import.idNumber.invalid"));
				return null;
			}
			List<HouseholdRow> found = registry.search(scope,
					new HouseholdQuery(id.value(), null, null, null, null, null, null, null, null, 1, 10))
				.rows();
			List<HouseholdRow> filed = found.stream().filter(r -> r.status() == HouseholdStatus.FILED).toList();
			List<HouseholdRow> candidates = filed.isEmpty() ? found : filed;
			if (candidates.isEmpty()) {
				problems.add(problem(row, h, ImportColumn.ID_NUMBER, "pairing.import.household.idNotFound", id.masked()));
				return null;
			}
			if (candidates.size() > 1) {
				problems.add(problem(row, h, ImportColumn.ID_NUMBER, "pairing.import.household.idAmbiguous", id.masked()));
				return null;
			}
			HouseholdRow household = candidates.get(0);
			if (!fileNo.isEmpty() && !fileNo.equals(household.fileNo())) {
				problems.add(problem(row, h, ImportColumn.FILE_NO, "pairing.import.household.mismatch", fileNo,
						household.fileNo()));
				return null;
			}
			return household.id();
		}
		if (!fileNo.isEmpty()) {
			List<Long> found = store.householdsByFileNo(scope, fileNo);
			if (found.isEmpty()) {
				problems.add(problem(row, h, ImportColumn.FILE_NO, "pairing.import.household.fileNoNotFound", fileNo));
				return null;
			}
			if (found.size() > 1) {
				problems.add(problem(row, h, ImportColumn.FILE_NO, "pairing.import.household.fileNoAmbiguous", fileNo));
				return null;
			}
			return found.get(0);
		}
		problems.add(problem(row, h, null, "pairing.import.household.missing"));
		return null;
	}

	private static LocalDate date(SheetRow row, Header h, ImportColumn column, List<PairingImportProblem> problems) {
		String v = h.value(row, column);
		if (v.isEmpty()) {
			return null;
		}
		LocalDate d = parseDate(v);
		if (d == null) {
			problems.add(problem(row, h, column, "pairing.import.date.invalid", v));
		}
		return d;
	}

	/**
	 * 2026-03-01, 2026/3/1, 2026.3.1, 2026年3月1日, 20260301, with or without a time after it, or an
	 * Excel date (days since 1899-12-30, as a date cell reads); null when it is none of these.
	 */
	static LocalDate parseDate(String text) {
		String v = text.strip();
		try {
			if (v.matches("\\d{5}(\\.0+)?")) {
				long days = Long.parseLong(v.replaceAll("\\..*", ""));
				return days >= 10_000 && days <= 100_000 ? LocalDate.of(1899, 12, 30).plusDays(days) : null;
			}
			Matcher m = DATE.matcher(v);
			if (m.lookingAt() && (m.end() == v.length() || Character.isWhitespace(v.charAt(m.end())) || v.charAt(m.end()) == 'T')) {
				return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
			}
			Matcher c = COMPACT_DATE.matcher(v);
			if (c.matches()) {
				return LocalDate.of(Integer.parseInt(c.group(1)), Integer.parseInt(c.group(2)), Integer.parseInt(c.group(3)));
			}
		}
		catch (java.time.DateTimeException | NumberFormatException ex) {
			return null;
		}
		return null;
	}

	private static PairingType type(SheetRow row, Header h, List<PairingImportProblem> problems) {
		String v = h.value(row, ImportColumn.TYPE);
		if (v.isEmpty()) {
			return null;
		}
		String t = v.replace(" ", "").replace("_", "").replace("-", "").toUpperCase(Locale.ROOT);
		return switch (t) {
			case "一对一", "一帮一", "1对1", "ONETOONE" -> PairingType.ONE_TO_ONE;
			case "一对多", "一帮多", "1对多", "ONETOMANY" -> PairingType.ONE_TO_MANY;
			default -> {
				problems.add(problem(row, h, ImportColumn.TYPE, "pairing.import.type.invalid", v));
				yield null;
			}
		};
	}

	private static PairingImportProblem problem(SheetRow row, Header h, ImportColumn column, String key, Object... args) {
		return new PairingImportProblem(row.number(), column == null ? null : h.label(column), key,
				Arrays.stream(args).map(String::valueOf).toList());
	}

	private String describe(long rowNumber, List<PairingImportProblem> problems, Locale locale) {
		StringJoiner all = new StringJoiner(text(locale, "imports.report.separator"));
		for (PairingImportProblem p : problems) {
			all.add(describe(p, locale));
		}
		return text(locale, "imports.report.row", String.valueOf(rowNumber), all.toString());
	}

	private String text(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

	/** Which column sits where (by Chinese header or alias, any order); a file without a cadre or household column is refused. */
	static final class Header {

		final SheetRow row;

		final Map<ImportColumn, Integer> positions;

		private Header(SheetRow row, Map<ImportColumn, Integer> positions) {
			this.row = row;
			this.positions = positions;
		}

		static Header of(SheetRow row) {
			Map<ImportColumn, Integer> positions = new EnumMap<>(ImportColumn.class);
			for (int i = 0; i < row.cells().length; i++) {
				String text = row.cell(i).replace("\uFEFF", "").strip();
				if (text.isEmpty()) {
					continue;
				}
				var column = ImportColumn.forHeader(text);
				if (column.isPresent() && positions.putIfAbsent(column.get(), i) != null) {
					throw BangfuException.badField("file", "pairing.import.header.duplicate", column.get().header());
				}
			}
			boolean cadre = positions.containsKey(ImportColumn.CADRE_LOGIN) || positions.containsKey(ImportColumn.CADRE_ID)
					|| positions.containsKey(ImportColumn.CADRE_NAME);
			boolean household = positions.containsKey(ImportColumn.ID_NUMBER) || positions.containsKey(ImportColumn.FILE_NO);
			if (!cadre || !household) {
				StringJoiner missing = new StringJoiner("、");
				if (!cadre) {
					missing.add(ImportColumn.CADRE_LOGIN.header() + "/" + ImportColumn.CADRE_ID.header() + "/"
							+ ImportColumn.CADRE_NAME.header());
				}
				if (!household) {
					missing.add(ImportColumn.ID_NUMBER.header() + "/" + ImportColumn.FILE_NO.header());
				}
				throw BangfuException.badField("file", "pairing.import.header.missing", missing.toString());
			}
			return new Header(row, positions);
		}

		String value(SheetRow data, ImportColumn column) {
			Integer p = positions.get(column);
			return p == null ? "" : data.cell(p).strip();
		}

		boolean formula(SheetRow data, ImportColumn column) {
			Integer p = positions.get(column);
			return p != null && data.formula(p);
		}

		/** The column's header as the file spells it. */
		String label(ImportColumn column) {
			Integer p = positions.get(column);
			return p == null ? column.header() : row.cell(p).replace("\uFEFF", "").strip();
		}

		/** The cadre column the row used. */
		ImportColumn cadreColumn(SheetRow data) {
			for (ImportColumn c : List.of(ImportColumn.CADRE_LOGIN, ImportColumn.CADRE_ID, ImportColumn.CADRE_NAME)) {
				if (!value(data, c).isEmpty()) {
					return c;
				}
			}
			return null;
		}

		/** The household column the row used. */
		ImportColumn householdColumn(SheetRow data) {
			return value(data, ImportColumn.ID_NUMBER).isEmpty() ? ImportColumn.FILE_NO : ImportColumn.ID_NUMBER;
		}

	}

}
