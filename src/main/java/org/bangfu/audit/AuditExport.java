package org.bangfu.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bangfu.shared.BusinessTime;
import org.bangfu.shared.Scope;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Writes the records a filter shows as CSV for Excel: UTF-8 with a byte order mark, streamed
 * row by row, and cells that a spreadsheet would run as a formula neutralised. The export is
 * itself audited, with its filter.
 */
@Service
public class AuditExport {

	public static final String CONTENT_TYPE = "text/csv;charset=UTF-8";

	private static final List<String> HEADER_KEYS = List.of("audit.id", "audit.time", "audit.actor",
			"audit.organisation", "audit.action", "audit.objectType", "audit.objectId", "audit.detail", "audit.address");

	private final AuditTrail trail;

	private final AuditLog audit;

	private final MessageSource messages;

	AuditExport(AuditTrail trail, AuditLog audit, MessageSource messages) {
		this.trail = trail;
		this.audit = audit;
		this.messages = messages;
	}

	/** A file name such as audit-20261128-140509.csv. */
	public static String fileName(java.time.Instant now) {
		return "audit-" + BusinessTime.format(now, "yyyyMMdd-HHmmss") + ".csv";
	}

	public void export(Scope scope, AuditFilter filter, Locale locale, OutputStream out) throws IOException {
		audit.record("audit.export", "audit", null, filter.asDetail());
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
		csv.printRecord(HEADER_KEYS.stream().map(k -> messages.getMessage(k, null, k, locale)));
		try {
			trail.forEach(scope, filter, row -> print(csv, row));
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		csv.flush();
	}

	private static void print(CSVPrinter csv, AuditRow r) {
		try {
			csv.printRecord(r.id(), r.time(), safe(r.actorLogin()), r.organisationId(), safe(r.action()),
					safe(r.objectType()), safe(r.objectId()), safe(r.detail()), safe(r.clientAddress()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Prefixes a quote to text a spreadsheet would read as a formula (=, +, -, @, tab, CR). */
	static String safe(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		char first = value.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				? "'" + value : value;
	}

}
