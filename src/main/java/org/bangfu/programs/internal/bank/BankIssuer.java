package org.bangfu.programs.internal.bank;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.bangfu.platform.db.CopyIn;
import org.bangfu.programs.BankBatchKind;
import org.bangfu.programs.BankLayout;
import org.bangfu.programs.BankPayer;
import org.bangfu.programs.PaymentOrder;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.IdNumber;
import org.bangfu.shared.Masking;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues a batch inside the caller's transaction: checks the header, streams the orders through
 * {@link PaymentOrderPolicy} into the lines table in chunks (COPY; accounts and ID numbers as
 * keyed hash + ciphertext + masked form), refuses a reference already waiting for the bank or
 * paid, or twice in the batch, then takes the batch number and produces and checks the file. Any
 * refusal rolls everything back. The number is taken last, in its own short transaction, so a
 * refused batch uses none and concurrent issuers wait on the counter only for a moment.
 */
@Component
public class BankIssuer {

	private static final int CHUNK = 5000;

	/** An issued batch: its id, number, line count, total and the SHA-256 of its checked file. */
	public record Issued(long id, String batchNo, int lineCount, long totalFen, String sha256) {
	}

	private final BankBatchStore store;

	private final BankCipher cipher;

	private final BankFileMaker maker;

	private final JdbcClient jdbc;

	private final TransactionTemplate separate;

	BankIssuer(BankBatchStore store, BankCipher cipher, BankFileMaker maker, JdbcClient jdbc,
			PlatformTransactionManager transactions) {
		this.store = store;
		this.cipher = cipher;
		this.maker = maker;
		this.jdbc = jdbc;
		this.separate = new TransactionTemplate(transactions);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	public Issued issue(BankBatchKind kind, BankPayer payer, BankLayout layout, String purpose, LocalDate fileDate,
			LocalDate today, Stream<PaymentOrder> orders, Long followUpOf, String by) throws IOException {
		boolean payment = kind == BankBatchKind.PAYMENT;
		String batchPurpose = purpose == null ? "" : purpose.strip();
		PaymentOrderPolicy policy = new PaymentOrderPolicy(layout, payment, batchPurpose, today);
		String payerName = payer.name() == null ? "" : payer.name().strip();
		String payerAccount = payer.account() == null ? "" : payer.account().replace(" ", "").strip();
		policy.header("payerName", payerName);
		policy.header("payerAccount", payerAccount);
		if (!payerAccount.matches("\\d{6,32}")) {
			throw BangfuException.badField("payerAccount", "bank.batch.payerAccount.invalid");
		}
		policy.header("purpose", batchPurpose);
		if (batchPurpose.length() > PaymentOrderPolicy.MAX_PURPOSE) {
			throw BangfuException.badField("purpose", "bank.batch.purpose.tooLong", PaymentOrderPolicy.MAX_PURPOSE);
		}
		String placeholder = "~" + UUID.randomUUID();
		long id = store.insert(payer.organisationId(), kind, placeholder, payerName, payerAccount, fileDate,
				batchPurpose, layout, followUpOf, by);
		long[] refs = new long[1024];
		int count = 0;
		long total = 0;
		Iterator<PaymentOrder> it = orders.iterator();
		CopyIn chunk = chunk();
		long[] chunkRefs = new long[CHUNK];
		int inChunk = 0;
		while (it.hasNext()) {
			PaymentOrder o = policy.check(count + 1, it.next());
			count++;
			if (count > refs.length) {
				refs = Arrays.copyOf(refs, refs.length * 2);
			}
			refs[count - 1] = o.reference();
			total = Math.addExact(total, o.amountFen());
			boolean resident = o.idType() == org.bangfu.programs.PaymentIdType.RESIDENT_ID;
			chunk.row(id, count, kind.name(), o.reference(), o.payeeName(), cipher.hash(o.account()),
					cipher.encrypt(o.account()), Masking.account(o.account()), o.idType().name(), cipher.hash(o.idNumber()),
					cipher.encrypt(o.idNumber()), resident ? IdNumber.mask(o.idNumber()) : Masking.account(o.idNumber()),
					payment ? o.amountFen() : null, o.purpose(), o.remark(), "SENT");
			chunkRefs[inChunk++] = o.reference();
			if (inChunk == CHUNK) {
				flush(payment, chunk, Arrays.copyOf(chunkRefs, inChunk), count - inChunk);
				chunk = chunk();
				inChunk = 0;
			}
		}
		if (inChunk > 0) {
			flush(payment, chunk, Arrays.copyOf(chunkRefs, inChunk), count - inChunk);
		}
		if (count == 0) {
			throw BangfuException.badField("orders", "bank.batch.empty");
		}
		twice(Arrays.copyOf(refs, count));
		String batchNo = separate.execute(s -> store.nextNumber(payerAccount, fileDate));
		jdbc.sql("UPDATE programs_bank_batch SET batch_no = ? WHERE id = ?").params(batchNo, id).update();
		store.finish(id, count, payment ? total : 0, null, 0);
		BankFileMaker.Made made = maker.make(id);
		Files.deleteIfExists(made.file());
		store.finish(id, count, payment ? total : 0, made.sha256(), made.size());
		return new Issued(id, batchNo, count, payment ? total : 0, made.sha256());
	}

	private void flush(boolean payment, CopyIn chunk, long[] refs, int before) {
		Set<Long> seen = new HashSet<>();
		for (int i = 0; i < refs.length; i++) {
			if (!seen.add(refs[i])) {
				int first = before + 1 + indexOf(refs, refs[i]);
				throw BangfuException.badField("orders", "bank.order.reference.twice", String.valueOf(refs[i]),
						String.valueOf(first), String.valueOf(before + 1 + i));
			}
		}
		if (payment) {
			store.takenReference(refs).ifPresent(taken -> {
				long ref = (Long) taken[0];
				String line = String.valueOf(before + 1 + indexOf(refs, ref));
				if (((String) taken[2]).startsWith("~")) {
					throw BangfuException.badField("orders", "bank.order.reference.twiceEarlier", String.valueOf(ref), line);
				}
				String key = "PAID".equals(taken[1]) ? "bank.order.reference.paid" : "bank.order.reference.open";
				throw BangfuException.badField("orders", key, line, String.valueOf(ref), taken[2]);
			});
		}
		chunk.into(store.dataSource());
	}

	private static void twice(long[] refs) {
		long[] sorted = refs.clone();
		Arrays.sort(sorted);
		for (int i = 1; i < sorted.length; i++) {
			if (sorted[i] == sorted[i - 1]) {
				int first = indexOf(refs, sorted[i]);
				int second = first + 1;
				while (refs[second] != sorted[i]) {
					second++;
				}
				throw BangfuException.badField("orders", "bank.order.reference.twice", String.valueOf(sorted[i]),
						String.valueOf(first + 1), String.valueOf(second + 1));
			}
		}
	}

	private static int indexOf(long[] values, long value) {
		for (int i = 0; i < values.length; i++) {
			if (values[i] == value) {
				return i;
			}
		}
		return -1;
	}

	private static CopyIn chunk() {
		return new CopyIn("programs_bank_line", "batch_id", "seq", "kind", "reference", "payee_name", "account_hash",
				"account_enc", "account_masked", "id_type", "id_hash", "id_enc", "id_masked", "amount_fen", "purpose",
				"remark", "status");
	}

}
