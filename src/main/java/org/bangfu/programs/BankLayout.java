package org.bangfu.programs;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;

/**
 * How one bank wants its payment files, as data: encoding, separator, line end, amount unit,
 * where the summary line stands, the columns of each kind of line (payment summary and detail,
 * the bank's return summary and detail), the bank's codes for identity documents, and text or
 * xlsx. The built-in layout (the default Bangfu ships) belongs to no organisation.
 */
public record BankLayout(Long id, Long organisationId, String name, String bankCode, Encoding encoding,
		String separator, LineEnd lineEnd, AmountUnit amountUnit, SummaryPosition summaryPosition, FileType fileType,
		List<BankColumn> summaryColumns, List<BankColumn> detailColumns, List<BankColumn> returnSummaryColumns,
		List<BankColumn> returnDetailColumns, Map<PaymentIdType, String> idTypeCodes, boolean builtIn) {

	public enum Encoding {

		GBK("GBK"), UTF_8("UTF-8");

		private final String charsetName;

		Encoding(String charsetName) {
			this.charsetName = charsetName;
		}

		public Charset charset() {
			return Charset.forName(charsetName);
		}

		public String label() {
			return charsetName;
		}

	}

	public enum LineEnd {

		CRLF("\r\n"), LF("\n");

		private final String text;

		LineEnd(String text) {
			this.text = text;
		}

		public String text() {
			return text;
		}

	}

	/** Yuan with two decimals (1234.50) or fen as an integer (123450). */
	public enum AmountUnit {

		YUAN, FEN

	}

	public enum SummaryPosition {

		FIRST, LAST

	}

	/** Delimited text (.txt) or an Excel workbook (.xlsx, one line per row, every cell text). */
	public enum FileType {

		TEXT, XLSX;

		public String suffix() {
			return this == TEXT ? ".txt" : ".xlsx";
		}

	}

	public List<BankColumn> columns(BankColumn.Line line) {
		return switch (line) {
			case SUMMARY -> summaryColumns;
			case DETAIL -> detailColumns;
			case RETURN_SUMMARY -> returnSummaryColumns;
			case RETURN_DETAIL -> returnDetailColumns;
		};
	}

	/** The bank's code for the document type; null when the layout has none for it. */
	public String idTypeCode(PaymentIdType type) {
		return idTypeCodes.get(type);
	}

}
