package org.bangfu.organisation.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.bangfu.platform.CommandLine;
import org.bangfu.shared.BangfuException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar bangfu.jar regions import-villages FILE [--lang=en]}: the village import, run
 * in the foreground, printing progress and counts (in Chinese unless {@code --lang=en}).
 */
@Component
public class VillageImportCommand implements CommandLine.Command {

	private final VillageImport imports;

	private final MessageSource messages;

	VillageImportCommand(VillageImport imports, MessageSource messages) {
		this.imports = imports;
		this.messages = messages;
	}

	@Override
	public List<String> words() {
		return List.of("regions", "import-villages");
	}

	@Override
	public String usage() {
		return "regions import-villages FILE [--lang=en]";
	}

	@Override
	public int execute(List<String> words, List<String> allArgs, PrintStream out) {
		Locale locale = "en".equals(CommandLine.Command.option(allArgs, "lang")) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
		if (words.size() != 3) {
			out.println(text("region.villages.cli.usage", locale));
			return 2;
		}
		Path file = Path.of(words.get(2));
		try {
			VillageImport.checkHeader(file);
			VillageImport.Result result = imports.run(file, (done, total, imported, rejected) -> {
				out.println(text("region.villages.progress", locale, imported, rejected));
			});
			out.println(text("region.villages.cli.done", locale, result.imported(), result.rejected()));
			for (VillageImport.Rejected r : result.samples()) {
				out.println("  " + text("region.villages.rejectedLine", locale, r.line(), r.code(), r.streetCode(),
						text(r.reason(), locale)));
			}
			return 0;
		}
		catch (BangfuException ex) {
			out.println(text(ex.messageKey(), locale, ex.args()));
			return 1;
		}
		catch (java.io.IOException | RuntimeException ex) {
			out.println(text("region.villages.failed", locale, ex.getMessage()));
			return 1;
		}
	}

	private String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

}
