package org.bangfu.registry.importing;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.bangfu.platform.CommandLine;
import org.bangfu.registry.HouseholdImports;
import org.bangfu.registry.ImportIssue;
import org.bangfu.registry.ImportView;
import org.bangfu.registry.OnExisting;
import org.bangfu.shared.BangfuException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar bangfu.jar import households FILE --org CODE [--existing skip|update] [--lang=en]}:
 * imports a household file in the foreground with the same code as the page and the API,
 * printing progress and the summary; exits with 1 when the file cannot be imported and with 3
 * when rows were rejected (the error report's path is printed).
 */
@Component
class ImportHouseholdsCommand implements CommandLine.Command {

	private final HouseholdImports imports;

	private final ImportRecords records;

	private final MessageSource messages;

	ImportHouseholdsCommand(HouseholdImports imports, ImportRecords records, MessageSource messages) {
		this.imports = imports;
		this.records = records;
		this.messages = messages;
	}

	@Override
	public List<String> words() {
		return List.of("import", "households");
	}

	@Override
	public String usage() {
		return "import households FILE --org CODE [--existing skip|update] [--lang=en]";
	}

	@Override
	public int execute(List<String> words, List<String> allArgs, PrintStream out) {
		Locale locale = "en".equals(CommandLine.Command.option(allArgs, "lang")) ? Locale.ENGLISH
				: Locale.SIMPLIFIED_CHINESE;
		String org = CommandLine.Command.option(allArgs, "org");
		String existing = CommandLine.Command.option(allArgs, "existing");
		if (words.size() < 3 || org == null || (existing != null && !existing.matches("(?i)skip|update"))) {
			out.println(text(locale, "imports.cli.usage"));
			return 2;
		}
		OnExisting mode = existing == null ? OnExisting.SKIP : OnExisting.valueOf(existing.toUpperCase(Locale.ROOT));
		Path file = Path.of(words.get(2));
		try {
			long[] last = { -1 };
			ImportView done = imports.importLocal(org, file, mode, locale, (read, total, accepted, rejected, skipped) -> {
				if (read == 0 || read == total || read - last[0] >= Math.max(1000, total / 20)) {
					last[0] = read;
					out.println(text(locale, "imports.progress", read, total, accepted, rejected, skipped));
				}
			});
			out.println(text(locale, "imports.result", done.householdsFiled(), done.householdsUpdated(),
					done.householdsUnchanged(), done.householdsSkipped(), done.householdsRejected(), done.rowsRejected()));
			for (ImportIssue issue : imports.issues(new org.bangfu.shared.Scope(0, "/"), done.id(), 20)) {
				String message = text(locale, issue.messageKey(), issue.args().toArray());
				out.println("  " + (issue.row() == null ? "" : text(locale, "imports.cli.row", issue.row()) + " ")
						+ (issue.column() == null ? "" : issue.column() + ": ") + message);
			}
			records.reportFile(done.id()).ifPresent(report -> out.println(text(locale, "imports.cli.report", report)));
			return done.rowsRejected() > 0 ? 3 : 0;
		}
		catch (BangfuException ex) {
			out.println(text(locale, ex.messageKey(), ex.args()));
			return 1;
		}
		catch (java.io.IOException | RuntimeException ex) {
			out.println(text(locale, "imports.failed", String.valueOf(ex.getMessage())));
			return 1;
		}
	}

	private String text(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

}
