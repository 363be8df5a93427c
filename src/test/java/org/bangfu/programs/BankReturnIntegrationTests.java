package org.bangfu.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.bangfu.organisation.OrganisationView;
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
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The bank's answers as real GBK files: a return file with failures reconciles line by line and
 * publishes who was paid and who failed; corrected failures go out again in a follow-up batch
 * (补发:原批次号) and a paid line never does; the same return twice changes nothing; a return that does
 * not match the sent file is refused whole with its reasons and nothing changed; a verification
 * answer records failed accounts for correction.
 */
@IntegrationTest
@Import(Fixtures.class)
@RecordApplicationEvents
class BankReturnIntegrationTests {

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

	@Autowired
	ApplicationEvents events;

	OrganisationView org;

	Scope scope;

	String id1 = BankData.idNumber(LocalDate.of(1950, 1, 1), 1);

	String id2 = BankData.idNumber(LocalDate.of(1948, 2, 2), 2);

	String id3 = BankData.idNumber(LocalDate.of(1952, 3, 3), 3);

	@BeforeEach
	void setUp() {
		org = fixtures.organisation("回盘测试");
		scope = new Scope(org.id(), org.path());
	}

	private BankBatchView issueThree(LocalDate day) {
		return bank.issue(scope,
				new BankBatchRequest(new BankPayer(org.id(), "某县总工会", BankData.payerAccount()), layouts.builtIn(scope).id(),
						"重阳节慰问金", day),
				List.of(BankData.order("张三", "6222020200000000001", id1, 20000),
						BankData.order("李四", "6222020200000000002", id2, 20000),
						BankData.order("王五", "6222020200000000003", id3, 30000)));
	}

	@Test
	void aReturnWithFailuresReconcilesThenCorrectedLinesGoOutInAFollowUpBatchAndTheSameReturnTwiceChangesNothing()
			throws Exception {
		BankBatchView batch = issueThree(LocalDate.of(2026, 10, 18));
		String no = batch.batchNo();
		byte[] ret = BankData.gbk("H|" + no + "|3|700.00|1|200.00|2|500.00\r\n"
				+ "D|1|张三|6222020200000000001|200.00|S|\r\n"
				+ "D|3|王五|6222020200000000003|300.00|F|账户已销户\r\n"
				+ "D|2|李四|6222020200000000002|200.00|F|户名不符\r\n");

		BankReturnResult result = bank.importAnswer(scope, batch.id(), "回盘.txt", new ByteArrayInputStream(ret));

		assertThat(result.changed()).isTrue();
		assertThat(result.succeeded()).isEqualTo(1);
		assertThat(result.failed()).isEqualTo(2);
		List<PaymentOutcome> outcomes = bank.outcomes(scope, batch.id());
		assertThat(outcomes).extracting(PaymentOutcome::status)
			.containsExactly(PaymentLineStatus.PAID, PaymentLineStatus.FAILED, PaymentLineStatus.FAILED);
		assertThat(outcomes).extracting(PaymentOutcome::reason).containsExactly(null, "户名不符", "账户已销户");
		BankBatchView reconciled = bank.require(scope, batch.id());
		assertThat(reconciled.status()).isEqualTo(BankBatchStatus.RECONCILED);
		assertThat(reconciled.paid().format()).isEqualTo("¥200.00");
		assertThat(reconciled.failed().format()).isEqualTo("¥500.00");
		BankReturnReconciled event = events.stream(BankReturnReconciled.class).filter(e -> e.batchId() == batch.id())
			.findFirst().orElseThrow();
		assertThat(event.paidReferences()).containsExactly(outcomes.get(0).reference());
		assertThat(event.failedReferences()).containsExactly(new PaymentFailure(outcomes.get(1).reference(), "户名不符"),
				new PaymentFailure(outcomes.get(2).reference(), "账户已销户"));

		BankReturnResult again = bank.importAnswer(scope, batch.id(), "回盘.txt", new ByteArrayInputStream(ret));
		assertThat(again.changed()).isFalse();
		assertThat(bank.outcomes(scope, batch.id())).isEqualTo(outcomes);
		assertThat(jdbc.sql("SELECT count(*) FROM programs_bank_return WHERE batch_id = ?").param(batch.id())
			.query(Long.class).single()).isEqualTo(1);

		// a paid line is never re-issued
		assertRefused(() -> bank.reissue(scope, batch.id(), null,
				List.of(PaymentCorrection.account(outcomes.get(0).reference(), "6222020200000000009"))), "已在批次 " + no + " 中支付");
		// corrected failures go out in a follow-up batch, through the same checks
		assertRefused(() -> bank.reissue(scope, batch.id(), null,
				List.of(PaymentCorrection.account(outcomes.get(2).reference(), ""))), "第 1 条", "收款账号为空");
		BankBatchView followUp = bank.reissue(scope, batch.id(), LocalDate.of(2026, 10, 18),
				List.of(PaymentCorrection.account(outcomes.get(2).reference(), "6222020200000000033"),
						new PaymentCorrection(outcomes.get(1).reference(), "6222020200000000002", "李肆", null, null)));
		assertThat(followUp.batchNo()).isNotEqualTo(no).startsWith("20261018");
		assertThat(followUp.followUpOf()).isEqualTo(batch.id());
		assertThat(followUp.total().format()).isEqualTo("¥500.00");
		assertThat(new String(download(followUp.id()), BankData.GBK)).isEqualTo(
				"H|某县总工会|" + batch.payerAccount() + "|20261018|" + followUp.batchNo() + "|2|500.00\r\n"
						+ "D|1|王五|6222020200000000033|300.00|01|" + id3 + "|重阳节慰问金|补发:" + no + "\r\n"
						+ "D|2|李肆|6222020200000000002|200.00|01|" + id2 + "|重阳节慰问金|补发:" + no + "\r\n");
		// a line is never in two open batches
		assertRefused(() -> bank.reissue(scope, batch.id(), null,
				List.of(PaymentCorrection.account(outcomes.get(2).reference(), "6222020200000000044"))),
				"已在未对账的批次 " + followUp.batchNo());
	}

	@Test
	void aReturnThatDoesNotMatchTheSentFileIsRefusedWholeWithItsReasonsAndNothingChanges() throws Exception {
		BankBatchView batch = issueThree(LocalDate.of(2026, 10, 19));
		String no = batch.batchNo();
		String lines = "D|1|张三|6222020200000000001|200.00|S|\r\n" + "D|2|李四|6222020200000000002|200.00|F|账号不存在\r\n"
				+ "D|3|王五|6222020200000000003|300.00|S|\r\n";

		assertRefusedReturn(batch, "H|20261019999|3|700.00|2|500.00|1|200.00\r\n" + lines, "批次号不符：回盘文件为 20261019999");
		assertRefusedReturn(batch, "H|" + no + "|3|710.00|2|500.00|1|200.00\r\n" + lines, "总金额不符：回盘文件为 710.00 元");
		assertRefusedReturn(batch, "H|" + no + "|2|400.00|1|200.00|1|200.00\r\n" + lines.substring(lines.indexOf("D|2")),
				"总笔数不符");
		assertRefusedReturn(batch, "H|" + no + "|3|700.00|2|500.00|1|200.00\r\n"
				+ lines.replace("D|2|李四", "D|2|李斯").replace("D|3|", "D|4|"), "收款人姓名不符：回盘为“李斯”，发出的为“李四”",
				"序号 4 在发出的文件中没有对应的明细", "发出的序号 3（王五）在回盘文件中没有");
		assertRefusedReturn(batch, "H|" + no + "|3|700.00|2|500.00|1|200.00\r\n"
				+ lines.replace("6222020200000000003|300.00", "6222020200000000004|300.00"), "收款账号不符");
		byte[] utf8 = ("H|" + no + "|3|700.00|2|500.00|1|200.00\r\n" + lines).getBytes(java.nio.charset.StandardCharsets.UTF_8);
		assertThatThrownBy(() -> bank.importAnswer(scope, batch.id(), "r.txt", new ByteArrayInputStream(utf8)))
			.isInstanceOfSatisfying(BangfuException.class, ex -> assertThat(text(ex)).contains("不是 GBK 编码"));

		assertThat(bank.require(scope, batch.id()).status()).isEqualTo(BankBatchStatus.ISSUED);
		assertThat(bank.outcomes(scope, batch.id())).extracting(PaymentOutcome::status).containsOnly(PaymentLineStatus.SENT);
		assertThat(jdbc.sql("SELECT count(*) FROM programs_bank_return WHERE batch_id = ?").param(batch.id())
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'bank.return.refused' AND object_id = ?")
			.param(String.valueOf(batch.id())).query(Long.class).single()).isEqualTo(6);
	}

	@Test
	void aVerificationAnswerRecordsFailedAccountsForCorrection() throws Exception {
		BankBatchView batch = bank.issueVerification(scope,
				new BankBatchRequest(new BankPayer(org.id(), "某县总工会", BankData.payerAccount()), layouts.builtIn(scope).id(),
						"账户验证", LocalDate.of(2026, 10, 1)),
				java.util.stream.Stream.of(BankData.order("张三", "6222020200000000001", id1, 0),
						BankData.order("李四", "6222020200000000002", id2, 0)));
		assertThat(new String(download(batch.id()), BankData.GBK)).isEqualTo(
				"H|某县总工会|" + batch.payerAccount() + "|20261001|" + batch.batchNo() + "|2\r\n"
						+ "D|1|张三|6222020200000000001|01|" + id1 + "|账户验证|\r\n"
						+ "D|2|李四|6222020200000000002|01|" + id2 + "|账户验证|\r\n");
		byte[] answer = BankData.gbk("H|" + batch.batchNo() + "|2|0|1|0|1|0\r\n" + "D|1|张三|6222020200000000001||S|\r\n"
				+ "D|2|李四|6222020200000000002||F|证件号码不符\r\n");
		bank.importAnswer(scope, batch.id(), "验证.txt", new ByteArrayInputStream(answer));
		List<PaymentOutcome> outcomes = bank.outcomes(scope, batch.id());
		assertThat(outcomes).extracting(PaymentOutcome::status).containsExactly(PaymentLineStatus.VERIFIED,
				PaymentLineStatus.FAILED);
		assertThat(bank.failures(scope, batch.id()))
			.containsExactly(new PaymentFailure(outcomes.get(1).reference(), "证件号码不符"));
		// verified references are free to be paid
		assertThat(bank.issue(scope, new BankBatchRequest(new BankPayer(org.id(), "某县总工会", BankData.payerAccount()),
				layouts.builtIn(scope).id(), "慰问金", null), List.of(new PaymentOrder(outcomes.get(0).reference(), "张三",
						"6222020200000000001", PaymentIdType.RESIDENT_ID, id1, 100, null, null))).lineCount()).isEqualTo(1);
	}

	@Test
	void anXlsxReturnInAnXlsxLayoutReconcilesEvenWithNumericAmountCells() throws Exception {
		BankLayout builtIn = layouts.builtIn(scope);
		BankLayout layout = layouts.create(scope, new BankLayout(null, org.id(), "某银行 Excel 回盘", "XLSR",
				BankLayout.Encoding.UTF_8, "|", BankLayout.LineEnd.CRLF, BankLayout.AmountUnit.YUAN,
				BankLayout.SummaryPosition.FIRST, BankLayout.FileType.XLSX, builtIn.summaryColumns(), builtIn.detailColumns(),
				builtIn.returnSummaryColumns(), builtIn.returnDetailColumns(), builtIn.idTypeCodes(), false));
		BankBatchView batch = bank.issue(scope,
				new BankBatchRequest(new BankPayer(org.id(), "某县总工会", BankData.payerAccount()), layout.id(), "春节慰问",
						LocalDate.of(2027, 1, 25)),
				List.of(BankData.order("张三", "6222020200000000001", id1, 80000),
						BankData.order("李四", "6222020200000000002", id2, 48000)));
		byte[] xlsx;
		try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
				java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
			var sheet = wb.createSheet("回盘");
			Object[][] rows = { { "H", batch.batchNo(), 2, 1280.0, 1, 800.0, 1, 480.0 },
					{ "D", 1, "张三", "6222020200000000001", 800.0, "S", "" },
					{ "D", 2, "李四", "6222020200000000002", 480.0, "F", "账户冻结" } };
			for (int r = 0; r < rows.length; r++) {
				var row = sheet.createRow(r);
				for (int c = 0; c < rows[r].length; c++) {
					if (rows[r][c] instanceof Number n) {
						row.createCell(c).setCellValue(n.doubleValue());
					}
					else {
						row.createCell(c).setCellValue((String) rows[r][c]);
					}
				}
			}
			wb.write(out);
			xlsx = out.toByteArray();
		}
		BankReturnResult result = bank.importAnswer(scope, batch.id(), "回盘.xlsx", new ByteArrayInputStream(xlsx));
		assertThat(result.succeeded()).isEqualTo(1);
		assertThat(bank.failures(scope, batch.id())).extracting(PaymentFailure::reason).containsExactly("账户冻结");
		// a text file for an xlsx layout is refused with the reason
		assertThatThrownBy(() -> bank.importAnswer(scope, batch.id(), "r.txt", new ByteArrayInputStream(BankData.gbk("H|x"))))
			.isInstanceOfSatisfying(BangfuException.class, ex -> assertThat(text(ex)).contains("Excel"));
	}

	private void assertRefusedReturn(BankBatchView batch, String text, String... expected) {
		assertThatThrownBy(() -> bank.importAnswer(scope, batch.id(), "r.txt", new ByteArrayInputStream(BankData.gbk(text))))
			.isInstanceOfSatisfying(BankReturnRefused.class, ex -> {
				List<String> reasons = ex.problems().stream()
					.map(p -> messages.getMessage(p.key(), p.args().toArray(), Locale.SIMPLIFIED_CHINESE))
					.toList();
				for (String e : expected) {
					assertThat(reasons).as(text).anyMatch(r -> r.contains(e));
				}
			});
	}

	private String text(BangfuException ex) {
		return messages.getMessage(ex.messageKey(), ex.args(), Locale.SIMPLIFIED_CHINESE);
	}

	private void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String... texts) {
		assertThatThrownBy(call).isInstanceOfSatisfying(BangfuException.class, ex -> {
			for (String t : texts) {
				assertThat(text(ex)).contains(t);
			}
		});
	}

	private byte[] download(long batchId) throws Exception {
		BankFileDownload file = bank.download(scope, batchId);
		try (InputStream in = Files.newInputStream(file.file(), StandardOpenOption.DELETE_ON_CLOSE)) {
			return in.readAllBytes();
		}
	}

}
