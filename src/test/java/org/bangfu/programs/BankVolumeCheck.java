package org.bangfu.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.stream.LongStream;

import org.bangfu.organisation.OrganisationView;
import org.bangfu.shared.Scope;
import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Not part of the default run (no Tests suffix): a volume check of the streaming paths. Run with
 * {@code mvn -B -ntp -o test -Dtest=BankVolumeCheck -Dbank.volume=200000}.
 */
@IntegrationTest
@Import(Fixtures.class)
class BankVolumeCheck {

	@Autowired
	BankFiles bank;

	@Autowired
	BankLayouts layouts;

	@Autowired
	Fixtures fixtures;

	@TempDir
	Path dir;

	@Test
	void aLargeBatchIsIssuedDownloadedAndReconciledByStreaming() throws Exception {
		int n = Integer.getInteger("bank.volume", 200_000);
		OrganisationView org = fixtures.organisation("大批量");
		Scope scope = new Scope(org.id(), org.path());
		String id = BankData.idNumber(LocalDate.of(1950, 1, 1), 1);
		long base = BankData.reference() + 10_000_000L;
		long t0 = System.nanoTime();
		BankBatchView batch = bank.issue(scope,
				new BankBatchRequest(new BankPayer(org.id(), "某县总工会", BankData.payerAccount()), layouts.builtIn(scope).id(),
						"慰问金", LocalDate.of(2026, 10, 18)),
				LongStream.range(0, n).mapToObj(i -> new PaymentOrder(base + i, "张三" + (i % 100), "62220202" + String.format("%011d", i),
						PaymentIdType.RESIDENT_ID, id, 100 + i % 1000, null, null)));
		long t1 = System.nanoTime();
		BankFileDownload file = bank.download(scope, batch.id());
		long size;
		try (InputStream in = Files.newInputStream(file.file(), StandardOpenOption.DELETE_ON_CLOSE)) {
			size = in.transferTo(java.io.OutputStream.nullOutputStream());
		}
		long t2 = System.nanoTime();
		Path ret = dir.resolve("ret.txt");
		long total = batch.totalFen();
		try (BufferedWriter w = Files.newBufferedWriter(ret, BankData.GBK)) {
			w.write("H|" + batch.batchNo() + "|" + n + "|" + java.math.BigDecimal.valueOf(total, 2) + "|" + n + "|"
					+ java.math.BigDecimal.valueOf(total, 2) + "|0|0.00\r\n");
			for (int i = 0; i < n; i++) {
				w.write("D|" + (i + 1) + "|张三" + (i % 100) + "|62220202" + String.format("%011d", i) + "|"
						+ java.math.BigDecimal.valueOf(100 + i % 1000, 2) + "|S|\r\n");
			}
		}
		BankReturnResult result;
		try (InputStream in = Files.newInputStream(ret)) {
			result = bank.importAnswer(scope, batch.id(), "ret.txt", in);
		}
		long t3 = System.nanoTime();
		System.out.printf("VOLUME %d lines: issue %d ms, download %d ms (%d bytes), return %d ms; heap used %d MB%n", n,
				(t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, size, (t3 - t2) / 1_000_000,
				(Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1_000_000);
		assertThat(result.succeeded()).isEqualTo(n);
	}

}
