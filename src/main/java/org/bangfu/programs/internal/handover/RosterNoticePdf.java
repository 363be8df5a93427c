package org.bangfu.programs.internal.handover;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bangfu.platform.pdf.CjkPdf;
import org.bangfu.programs.RosterNoticeView;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A roster notice as an A4 PDF for the village board, drawn from the same view the public page
 * shows (row number, masked name, village, amount: never an ID number or an account), with the
 * period, the total and where to object.
 */
@Component
public class RosterNoticePdf {

	private final MessageSource messages;

	RosterNoticePdf(MessageSource messages) {
		this.messages = messages;
	}

	public byte[] render(RosterNoticeView n, Locale locale, LocalDate today) {
		String header = n.organisationName() + " · " + t(locale, "handover.notice.publicTitle") + " · " + today;
		return CjkPdf.render(header, t(locale, "handover.sheet.page"), pdf -> {
			pdf.title(n.title());
			pdf.field(t(locale, "handover.notice.pdf.organisation"), n.organisationName());
			pdf.field(t(locale, "handover.notice.pdf.period"), n.startsOn() + " — " + n.endsOn());
			pdf.paragraph(t(locale, "handover.notice.summary", n.lineCount(), n.totalText()));
			List<List<String>> rows = new ArrayList<>();
			for (RosterNoticeView.Row r : n.rows()) {
				rows.add(List.of(String.valueOf(r.rowNo()), r.name(), r.village() == null ? "" : r.village(), r.amountText()));
			}
			pdf.table(List.of("#", t(locale, "handover.col.name"), t(locale, "handover.col.village"), t(locale, "handover.col.amount")),
					rows);
			pdf.paragraph(t(locale, "handover.notice.pdf.objections", n.endsOn(), n.id()));
			pdf.paragraph("");
			pdf.paragraph(n.organisationName());
			pdf.paragraph(String.valueOf(n.startsOn()));
		});
	}

	private String t(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

}
