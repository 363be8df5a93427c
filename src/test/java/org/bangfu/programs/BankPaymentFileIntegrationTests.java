package org.bangfu.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.programs.BankLayout.AmountUnit;
import org.bangfu.programs.BankLayout.Encoding;
import org.bangfu.programs.BankLayout.FileType;
import org.bangfu.programs.BankLayout.LineEnd;
import org.bangfu.programs.BankLayout.SummaryPosition;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Scope;
import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Payment files on PostgreSQL with real bytes: the default layout reproduces the format document's
 * GBK example byte for byte; a custom layout (summary last, comma, fen, UTF-8) and an xlsx layout;
 * refusals that name the line and store nothing; a file whose details no longer add up is never
 * handed out; two batches issued at once on the same day get two numbers.
 */
@IntegrationTest
@Import(Fixtures.class)
class BankPaymentFileIntegrationTests {

	static final List<BankColumn> SUMMARY_LAST = List.of(BankColumn.RECORD_TYPE, BankColumn.BATCH_NO, BankColumn.FILE_DATE,
			BankColumn.PAYER_ACCOUNT, BankColumn.TOTAL_COUNT, BankColumn.TOTAL_AMOUNT);

	static final List<BankColumn> DETAIL = List.of(BankColumn.SEQ, BankColumn.ACCOUNT, BankColumn.PAYEE_NAME,
			BankColumn.AMOUNT, BankColumn.ID_TYPE, BankColumn.ID_NUMBER, BankColumn.REMARK);

	@Autowired
	BankFiles bank;

	@Autowired
	BankLayouts layouts;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	OrganisationView org;

	Scope scope;

	@BeforeEach
	void setUp() {
		org = fixtures.organisation("代发测试");
		scope = new Scope(org.id(), org.path());
	}

	@Test
	void theDefaultLayoutWritesTheFormatDocumentsExampleByteForByteInGbk() throws Exception {
		BankLayout layout = layouts.builtIn(scope);
		BankBatchView batch = bank.issue(scope,
				new BankBatchRequest(new BankPayer(org.id(), "某县总工会", "1234567890123456789"), layout.id(), "重阳节慰问金",
						LocalDate.of(2026, 10, 18)),
				List.of(BankData.order("张三", "6222020200000000001", "420102195001010016", 20000),
						BankData.order("李四", "6222020200000000002", "420102194802020025", 20000)));

		assertThat(batch.batchNo()).isEqualTo("20261018001");
		assertThat(batch.lineCount()).isEqualTo(2);
		assertThat(batch.total().format()).isEqualTo("¥400.00");
		String expected = "H|某县总工会|1234567890123456789|20261018|20261018001|2|400.00\r\n"
				+ "D|1|张三|6222020200000000001|200.00|01|420102195001010016|重阳节慰问金|\r\n"
				+ "D|2|李四|6222020200000000002|200.00|01|420102194802020025|重阳节慰问金|\r\n";
		assertThat(download(batch.id())).isEqualTo(BankData.gbk(expected));
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'bank.batch.download' AND object_id = ?")
			.param(String.valueOf(batch.id())).query(Long.class).single()).isEqualTo(1);

		// stored protected: no clear account or ID number in the table; the pages see them masked
		assertThat(jdbc.sql("SELECT count(*) FROM programs_bank_line WHERE batch_id = ? AND (account_enc LIKE '%6222%' "
				+ "OR id_enc LIKE '%4201%' OR account_hash = '6222020200000000001')").param(batch.id()).query(Long.class).single())
			.isZero();
		BankLineView first = bank.lines(scope, batch.id(), null, 1, 50).get(0);
		assertThat(first.accountMasked()).isEqualTo("***************0001");
		assertThat(first.idMasked()).isEqualTo("420102********0016");
	}

	@Test
	void aCustomLayoutPutsTheSummaryLastWithCommasFenAndUtf8() throws Exception {
		BankLayout layout = layouts.create(scope, new BankLayout(null, org.id(), "某农商行", "RCB", Encoding.UTF_8, ",",
				LineEnd.LF, AmountUnit.FEN, SummaryPosition.LAST, FileType.TEXT, SUMMARY_LAST, DETAIL,
				layouts.builtIn(scope).returnSummaryColumns(), layouts.builtIn(scope).returnDetailColumns(),
				Map.of(PaymentIdType.RESIDENT_ID, "1"), false));
		String payer = BankData.payerAccount();
		String id = BankData.idNumber(LocalDate.of(1956, 5, 6), 21);
		BankBatchView batch = bank.issue(scope,
				new BankBatchRequest(new BankPayer(org.id(), "某镇民政办", payer), layout.id(), "取暖补贴",
						LocalDate.of(2026, 12, 1)),
				List.of(new PaymentOrder(BankData.reference(), "王𠮷", "6217000011112222", PaymentIdType.RESIDENT_ID, id,
						123450, null, "一月"), BankData.order("赵六", "6217000011113333", id, 5)));

		// details carry no record type in this layout; the summary line (H) comes last
		String expected = "1,6217000011112222,王𠮷,123450,1," + id + ",一月\n"
				+ "2,6217000011113333,赵六,5,1," + id + ",\n"
				+ "H," + batch.batchNo() + ",20261201," + payer + ",2,123455\n";
		assertThat(new String(download(batch.id()), StandardCharsets.UTF_8)).isEqualTo(expected);
		assertThat(batch.batchNo()).isEqualTo("20261201001");
	}

	@Test
	void anXlsxLayoutWritesOneRowPerLineAsText() throws Exception {
		BankLayout builtIn = layouts.builtIn(scope);
		BankLayout layout = layouts.create(scope, new BankLayout(null, org.id(), "某银行 Excel", "XLS", Encoding.UTF_8, "|",
				LineEnd.CRLF, AmountUnit.YUAN, SummaryPosition.FIRST, FileType.XLSX, builtIn.summaryColumns(),
				builtIn.detailColumns(), builtIn.returnSummaryColumns(), builtIn.returnDetailColumns(),
				builtIn.idTypeCodes(), false));
		String id = BankData.idNumber(LocalDate.of(1949, 10, 1), 33);
		BankBatchView batch = bank.issue(scope,
				new BankBatchRequest(new BankPayer(org.id(), "某县总工会", BankData.payerAccount()), layout.id(), "春节慰问",
						LocalDate.of(2027, 1, 20)),
				List.of(BankData.order("孙七", "6222020200000000077", id, 80000)));
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download(batch.id())))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(cells(sheet.getRow(0))).containsExactly("H", "某县总工会", batch.payerAccount(), "20270120",
					batch.batchNo(), "1", "800.00");
			assertThat(cells(sheet.getRow(1))).containsExactly("D", "1", "孙七", "6222020200000000077", "800.00", "01", id,
					"春节慰问", "");
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
		}
	}

	@Test
	void linesThatCannotGoIntoTheFileAreRefusedByLineAndNothingIsStored() {
		long layout = layouts.builtIn(scope).id();
		String id = BankData.idNumber(LocalDate.of(1960, 1, 1), 11);
		BankBatchRequest request = new BankBatchRequest(new BankPayer(org.id(), "某县总工会", BankData.payerAccount()), layout,
				"慰问金", LocalDate.of(2026, 9, 1));

		assertRefused(() -> bank.issue(scope, request, List.of(BankData.order("张三", "6222020200000000001", id, 100),
				BankData.order("李|四", "6222020200000000002", id, 100))), "第 2 条", "收款人姓名含有分隔符“|”");
		assertRefused(() -> bank.issue(scope, request, List.of(BankData.order("张三", "6222020200000000001", id, 0))),
				"第 1 条", "金额必须大于 0");
		assertRefused(() -> bank.issue(scope, request, List.of(BankData.order("张三", " ", id, 100))), "第 1 条", "收款账号为空");
		assertRefused(() -> bank.issue(scope, new BankBatchRequest(request.payer(), layout, "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一",
				request.fileDate()), List.of(BankData.order("张三", "6222020200000000001", id, 100))), "用途最多 30 个字");
		assertRefused(() -> bank.issue(scope, request, List.of(BankData.order("王𠮷", "6222020200000000001", id, 100))),
				"第 1 条", "GBK");

		PaymentOrder once = BankData.order("张三", "6222020200000000001", id, 100);
		BankBatchView open = bank.issue(scope, request, List.of(once));
		assertRefused(() -> bank.issue(scope, request, List.of(BankData.order("李四", "6222020200000000002", id, 100), once)),
				"第 2 条", "已在未对账的批次 " + open.batchNo());
		assertThat(jdbc.sql("SELECT count(*) FROM programs_bank_batch WHERE organisation_id = ?").param(org.id())
			.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM programs_bank_line l JOIN programs_bank_batch b ON b.id = l.batch_id "
				+ "WHERE b.organisation_id = ?").param(org.id()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aFileWhoseDetailsNoLongerAddUpToItsSummaryIsNeverHandedOut() throws Exception {
		String id = BankData.idNumber(LocalDate.of(1970, 7, 7), 45);
		BankBatchView batch = bank.issue(scope,
				new BankBatchRequest(new BankPayer(org.id(), "某县总工会", BankData.payerAccount()),
						layouts.builtIn(scope).id(), "慰问金", LocalDate.of(2026, 9, 2)),
				List.of(BankData.order("张三", "6222020200000000001", id, 100),
						BankData.order("李四", "6222020200000000002", id, 200)));
		jdbc.sql("UPDATE programs_bank_line SET amount_fen = amount_fen + 1 WHERE batch_id = ? AND seq = 2")
			.param(batch.id()).update();
		assertRefused(() -> bank.download(scope, batch.id()), "明细合计与汇总不符", "汇总 2 笔 3.00 元", "明细 2 笔 3.01 元");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'bank.batch.download' AND object_id = ?")
			.param(String.valueOf(batch.id())).query(Long.class).single()).isZero();
	}

	@Test
	void twoBatchesIssuedAtOnceForTheSamePayerAndDayGetTwoNumbers() throws Exception {
		String payer = BankData.payerAccount();
		long layout = layouts.builtIn(scope).id();
		String id = BankData.idNumber(LocalDate.of(1980, 2, 2), 51);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<BankBatchView>> issued = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				Callable<BankBatchView> task = () -> {
					start.await();
					return bank.issue(scope, new BankBatchRequest(new BankPayer(org.id(), "某县总工会", payer), layout, "慰问金",
							LocalDate.of(2026, 11, 11)), List.of(BankData.order("张三", "6222020200000000001", id, 100)));
				};
				issued.add(pool.submit(task));
			}
			start.countDown();
			List<String> numbers = List.of(issued.get(0).get().batchNo(), issued.get(1).get().batchNo());
			assertThat(numbers).containsExactlyInAnyOrder("20261111001", "20261111002");
		}
		finally {
			pool.shutdownNow();
		}
	}

	private byte[] download(long batchId) throws Exception {
		BankFileDownload file = bank.download(scope, batchId);
		try (InputStream in = Files.newInputStream(file.file(), StandardOpenOption.DELETE_ON_CLOSE)) {
			return in.readAllBytes();
		}
		finally {
			assertThat(file.file()).doesNotExist();
		}
	}

	private void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String... texts) {
		assertThatThrownBy(call).isInstanceOfSatisfying(BangfuException.class, ex -> {
			String text = messages.getMessage(ex.messageKey(), ex.args(), Locale.SIMPLIFIED_CHINESE);
			for (String t : texts) {
				assertThat(text).contains(t);
			}
		});
	}

	private static List<String> cells(Row row) {
		List<String> values = new ArrayList<>();
		row.forEach(c -> values.add(c.getStringCellValue()));
		return values;
	}

}
