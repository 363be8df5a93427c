package org.bangfu.cases.notice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bangfu.cases.NoticeColumn;
import org.bangfu.cases.PublicNotice;
import org.bangfu.cases.PublicNotice.PublicRow;
import org.bangfu.platform.pdf.CjkPdf;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A published notice as an A4 PDF to post on the village board. It is drawn from the same
 * {@link PublicNotice} the public page shows (what was copied at publication, the chosen columns
 * only), so it can hold no ID number, phone, bank account or health detail. It prints the public
 * page's web address so a villager reading the board can find it online (and object there) when
 * {@code bangfu.public-base-url} is set; otherwise no address at all (never the request's Host
 * header, which the client chooses and which would let anyone print a notice pointing elsewhere).
 */
@Component
public class NoticePdf {

	private final MessageSource messages;

	private final String publicBaseUrl;

	NoticePdf(MessageSource messages, @Value("${bangfu.public-base-url:}") String publicBaseUrl) {
		this.messages = messages;
		this.publicBaseUrl = publicBaseUrl;
	}

	/** The public page of a notice on the configured base URL (no trailing slash); none when not configured. */
	public static java.util.Optional<String> address(String configuredBase, long noticeId) {
		if (configuredBase == null || configuredBase.isBlank()) {
			return java.util.Optional.empty();
		}
		String base = configuredBase.strip();
		while (base.endsWith("/")) {
			base = base.substring(0, base.length() - 1);
		}
		return java.util.Optional.of(base + "/public/notices/" + noticeId);
	}

	public byte[] render(PublicNotice n, Locale locale, LocalDate today) {
		java.util.Optional<String> address = address(publicBaseUrl, n.id());
		String header = n.organisationName() + " · " + t(locale, "notices.pdf.header") + " · " + today;
		return CjkPdf.render(header, t(locale, "notices.pdf.page"), pdf -> {
			pdf.title(n.title());
			pdf.field(t(locale, "cases.col.organisation"), n.organisationName());
			pdf.field(t(locale, "notices.field.period"), n.startsOn() + " — " + n.endsOn());
			if (n.body() != null && !n.body().isBlank()) {
				pdf.paragraph(n.body());
			}
			List<String> headers = new ArrayList<>(List.of("#"));
			for (NoticeColumn c : n.columns()) {
				headers.add(t(locale, c.messageKey()));
			}
			List<List<String>> rows = new ArrayList<>();
			for (PublicRow r : n.rows()) {
				List<String> row = new ArrayList<>(List.of(String.valueOf(r.rowNo())));
				for (NoticeColumn c : n.columns()) {
					row.add(cell(c, r, locale));
				}
				rows.add(row);
			}
			pdf.table(headers, rows);
			pdf.paragraph(t(locale, "notices.print.objections", n.endsOn()));
			if (n.contact() != null && !n.contact().isBlank()) {
				pdf.field(t(locale, "notices.field.contact"), n.contact());
			}
			pdf.paragraph(t(locale, "notices.pdf.online", n.id()));
			address.ifPresent(a -> pdf.field(t(locale, "notices.pdf.address"), a));
			pdf.paragraph("");
			pdf.paragraph(n.organisationName() + t(locale, "notices.print.seal"));
			pdf.paragraph(String.valueOf(n.startsOn()));
		});
	}

	private String cell(NoticeColumn column, PublicRow r, Locale locale) {
		return switch (column) {
			case NAME -> r.name();
			case ORGANISATION -> r.organisation();
			case REGION -> r.region();
			case HOUSEHOLD_SIZE -> r.householdSize() == null ? "" : String.valueOf(r.householdSize());
			case CASE_TYPE -> r.caseType() == null ? "" : t(locale, r.caseType().messageKey());
			case AMOUNT -> r.amount();
			case APPLIED_ON -> r.appliedOn() == null ? "" : r.appliedOn().toString();
		};
	}

	private String t(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

}
