package org.bangfu.programs.internal.bank;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.programs.PaymentCorrection;
import org.bangfu.programs.PaymentLineStatus;
import org.bangfu.programs.PaymentOrder;
import org.bangfu.programs.internal.bank.BankBatchStore.StoredLine;
import org.bangfu.shared.BangfuException;
import org.springframework.stereotype.Component;

/**
 * The orders of a follow-up batch: failed lines of a reconciled payment batch, each with its
 * correction, remark {@code 补发:原批次号}. Only failed lines of that batch; a paid line never.
 */
@Component
public class BankFollowUps {

	public static final String REMARK_PREFIX = "补发:";

	private final BankBatchStore store;

	private final BankCipher cipher;

	BankFollowUps(BankBatchStore store, BankCipher cipher) {
		this.store = store;
		this.cipher = cipher;
	}

	public List<PaymentOrder> orders(long batchId, boolean payment, boolean open, String batchNo,
			List<PaymentCorrection> corrections) {
		if (!payment) {
			throw BangfuException.badField("corrections", "bank.reissue.notPayment", batchNo);
		}
		if (open) {
			throw BangfuException.badField("corrections", "bank.reissue.notReconciled", batchNo);
		}
		if (corrections == null || corrections.isEmpty()) {
			throw BangfuException.badField("corrections", "bank.reissue.none");
		}
		Map<Long, PaymentCorrection> byReference = new HashMap<>();
		for (PaymentCorrection c : corrections) {
			if (byReference.put(c.reference(), c) != null) {
				throw BangfuException.badField("corrections", "bank.reissue.twice", String.valueOf(c.reference()));
			}
		}
		long[] refs = byReference.keySet().stream().mapToLong(Long::longValue).toArray();
		Map<Long, StoredLine> lines = new HashMap<>();
		for (StoredLine l : store.linesOf(batchId, refs)) {
			lines.put(l.reference(), l);
		}
		return corrections.stream().map(c -> {
			StoredLine l = lines.get(c.reference());
			if (l == null) {
				throw BangfuException.badField("corrections", "bank.reissue.unknown", String.valueOf(c.reference()), batchNo);
			}
			if (l.status() == PaymentLineStatus.PAID) {
				throw BangfuException.badField("corrections", "bank.reissue.paid", String.valueOf(c.reference()), batchNo);
			}
			if (l.status() != PaymentLineStatus.FAILED) {
				throw BangfuException.badField("corrections", "bank.reissue.notFailed", String.valueOf(c.reference()));
			}
			PaymentOrder sent = new PaymentOrder(l.reference(), l.payeeName(), cipher.decrypt(l.accountEnc()), l.idType(),
					cipher.decrypt(l.idEnc()), l.amountFen(), l.purpose(), REMARK_PREFIX + batchNo);
			return sent.corrected(c);
		}).toList();
	}

}
