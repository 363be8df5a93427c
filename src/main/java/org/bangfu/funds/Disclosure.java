package org.bangfu.funds;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bangfu.funds.internal.DisclosureStore;
import org.bangfu.platform.pdf.CjkPdf;
import org.bangfu.programs.Programs;
import org.bangfu.shared.BusinessClock;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The public disclosure of fund use (资金使用公开): money paid out in a year by organisation,
 * program and month, as amounts and counts of payments, never a person's name, ID or account;
 * as a page and as a PDF for the notice board.
 */
@Service
public class Disclosure {

	private final DisclosureStore store;

	private final Programs programs;

	private final MessageSource messages;

	private final BusinessClock clock;

	Disclosure(DisclosureStore store, Programs programs, MessageSource messages, BusinessClock clock) {
		this.store = store;
		this.programs = programs;
		this.messages = messages;
		this.clock = clock;
	}

	public int currentYear() {
		return clock.today().getYear();
	}

	public List<DisclosureRow> use(int year) {
		Map<String, String> names = new HashMap<>();
		return store.spent(year).stream()
			.map(r -> new DisclosureRow(r.organisation(), r.programCode(), names.computeIfAbsent(String.valueOf(r.programCode()),
					this::programName), r.period(), r.payments(), r.fen()))
			.toList();
	}

	public byte[] pdf(int year, Locale locale) {
		List<DisclosureRow> rows = use(year);
		long total = rows.stream().mapToLong(DisclosureRow::fen).sum();
		long count = rows.stream().mapToLong(DisclosureRow::payments).sum();
		String title = t(locale, "funds.public.title") + " " + year;
		return CjkPdf.render(title + " · " + clock.today(), t(locale, "funds.public.pdfPage"), pdf -> {
			pdf.title(title);
			pdf.paragraph(t(locale, "funds.public.intro"));
			pdf.table(List.of(t(locale, "funds.public.period"), t(locale, "funds.col.organisation"), t(locale, "funds.col.program"),
					t(locale, "funds.public.payments"), t(locale, "funds.col.amount")),
					rows.stream().map(r -> List.of(r.period(), r.organisation(), r.programName(), String.valueOf(r.payments()),
							r.amount())).toList());
			pdf.field(t(locale, "funds.public.total"), Yuan.of(total) + " · " + count);
		});
	}

	private String programName(String code) {
		return code == null ? "-" : programs.active(code).map(p -> p.content().nameZh()).orElse(code);
	}

	private String t(Locale locale, String key) {
		return messages.getMessage(key, null, locale);
	}

}
