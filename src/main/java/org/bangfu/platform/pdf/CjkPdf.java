package org.bangfu.platform.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;

/**
 * A4 PDFs with Chinese text (WenQuanYi Micro Hei, bundled under fonts/, embedded as a
 * subset): a header with the organisation and date, page numbers in the footer, and small
 * helpers for headings, paragraphs, tables and signature lines. Shared by every module that
 * prints (ledger, notices, rosters).
 */
public final class CjkPdf {

	private static final String FONT = "fonts/wqy-microhei.ttc";

	private static volatile BaseFont baseFont;

	private final Document document;

	private CjkPdf(Document document) {
		this.document = document;
	}

	/** The bundled CJK font (loaded once). */
	public static BaseFont baseFont() {
		BaseFont f = baseFont;
		if (f == null) {
			synchronized (CjkPdf.class) {
				f = baseFont;
				if (f == null) {
					try (InputStream in = CjkPdf.class.getClassLoader().getResourceAsStream(FONT)) {
						if (in == null) {
							throw new IllegalStateException("Missing font " + FONT);
						}
						f = BaseFont.createFont("wqy-microhei.ttc,0", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
								in.readAllBytes(), null);
						baseFont = f;
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				}
			}
		}
		return f;
	}

	public static Font font(float size) {
		return new Font(baseFont(), size);
	}

	public static Font bold(float size) {
		return new Font(baseFont(), size, Font.BOLD);
	}

	/**
	 * Renders a document: {@code header} on the top of every page (organisation · date),
	 * {@code pageLabel} a format for the footer with one %d (e.g. "第 %d 页").
	 */
	public static byte[] render(String header, String pageLabel, Consumer<CjkPdf> body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 50, 50, 60, 60);
		PdfWriter writer = PdfWriter.getInstance(document, out);
		writer.setPageEvent(new PdfPageEventHelper() {
			@Override
			public void onEndPage(PdfWriter w, Document d) {
				Font small = font(8);
				ColumnText.showTextAligned(w.getDirectContent(), Element.ALIGN_LEFT, new Phrase(header, small),
						d.left(), d.top() + 20, 0);
				ColumnText.showTextAligned(w.getDirectContent(), Element.ALIGN_CENTER,
						new Phrase(String.format(pageLabel, w.getPageNumber()), small), (d.left() + d.right()) / 2,
						d.bottom() - 30, 0);
			}
		});
		document.open();
		body.accept(new CjkPdf(document));
		document.close();
		return out.toByteArray();
	}

	public CjkPdf title(String text) {
		Paragraph p = new Paragraph(text, bold(18));
		p.setAlignment(Element.ALIGN_CENTER);
		p.setSpacingAfter(12);
		document.add(p);
		return this;
	}

	public CjkPdf heading(String text) {
		Paragraph p = new Paragraph(text, bold(13));
		p.setSpacingBefore(10);
		p.setSpacingAfter(4);
		document.add(p);
		return this;
	}

	public CjkPdf paragraph(String text) {
		Paragraph p = new Paragraph(text == null ? "" : text, font(10));
		p.setSpacingAfter(3);
		document.add(p);
		return this;
	}

	/** A label and value on one line; nothing when the value is empty. */
	public CjkPdf field(String label, String value) {
		if (value == null || value.isBlank()) {
			return this;
		}
		Paragraph p = new Paragraph();
		p.add(new Chunk(label + "：", bold(10)));
		p.add(new Chunk(value, font(10)));
		p.setSpacingAfter(2);
		document.add(p);
		return this;
	}

	public CjkPdf table(List<String> headers, List<List<String>> rows) {
		PdfPTable table = new PdfPTable(headers.size());
		table.setWidthPercentage(100);
		table.setSpacingBefore(4);
		table.setSpacingAfter(6);
		table.setHeaderRows(1);
		for (String h : headers) {
			PdfPCell cell = new PdfPCell(new Phrase(h, bold(9)));
			cell.setBackgroundColor(new java.awt.Color(0xEE, 0xEE, 0xEE));
			table.addCell(cell);
		}
		for (List<String> row : rows) {
			for (String v : row) {
				table.addCell(new PdfPCell(new Phrase(v == null ? "" : v, font(9))));
			}
		}
		document.add(table);
		return this;
	}

	/** Signature lines, e.g. "户主签字", "帮扶干部签字", with a date blank. */
	public CjkPdf signatures(String dateLabel, String... labels) {
		Paragraph p = new Paragraph();
		p.setSpacingBefore(24);
		for (String label : labels) {
			p.add(new Chunk(label + "：____________________    " + dateLabel + "：______________\n\n", font(11)));
		}
		document.add(p);
		return this;
	}

	public Document document() {
		return document;
	}

}
