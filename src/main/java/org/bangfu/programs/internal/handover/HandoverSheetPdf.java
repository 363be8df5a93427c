package org.bangfu.programs.internal.handover;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import org.bangfu.platform.pdf.CjkPdf;
import org.bangfu.programs.CycleView;
import org.bangfu.programs.HandoverView;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The hand-over sheet of a cycle for a delivery point (发放签收表): one row per open line with the
 * beneficiary, masked ID number, village, item and amount, and blank cells tall enough to sign and
 * date; signature lines for the staff at the end.
 */
@Component
public class HandoverSheetPdf {

	private final MessageSource messages;

	HandoverSheetPdf(MessageSource messages) {
		this.messages = messages;
	}

	public byte[] render(CycleView c, String deliveryPoint, List<HandoverView> lines, LocalDate today, Locale locale) {
		String header = c.organisationName() + " · " + t(locale, "handover.sheet.printed", today.toString());
		return CjkPdf.render(header, t(locale, "handover.sheet.page"), pdf -> {
			pdf.title(t(locale, "handover.sheet.title", c.programName()));
			pdf.field(t(locale, "handover.sheet.cycle"), c.label() + " · " + c.periodKey());
			pdf.field(t(locale, "handover.deliveryPoint"), deliveryPoint);
			pdf.field(t(locale, "handover.sheet.count"), String.valueOf(lines.size()));
			float[] widths = { 0.6f, 1.4f, 2f, 1.6f, 1.4f, 2f, 1.4f };
			PdfPTable table = new PdfPTable(widths);
			table.setWidthPercentage(100);
			table.setHeaderRows(1);
			for (String key : List.of("handover.col.no", "handover.col.name", "handover.col.idNumber", "handover.col.village",
					"handover.col.amount", "handover.col.signature", "handover.col.date")) {
				PdfPCell cell = new PdfPCell(new Phrase(t(locale, key), CjkPdf.bold(9)));
				cell.setBackgroundColor(new java.awt.Color(0xEE, 0xEE, 0xEE));
				table.addCell(cell);
			}
			int no = 1;
			for (HandoverView l : lines) {
				for (String v : new String[] { String.valueOf(no++), l.payeeName(), l.idNumberMasked(), l.village(),
						l.amountText(), "", "" }) {
					PdfPCell cell = new PdfPCell(new Phrase(v == null ? "" : v, CjkPdf.font(9)));
					cell.setMinimumHeight(30);
					table.addCell(cell);
				}
			}
			pdf.document().add(table);
			pdf.signatures(t(locale, "handover.sheet.date"), t(locale, "handover.sheet.staff"),
					t(locale, "handover.sheet.checker"));
		});
	}

	private String t(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

}
