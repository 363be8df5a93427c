package org.bangfu.programs;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

import org.bangfu.shared.IdNumber;

/** Test data for bank files: unique references and payer accounts, valid ID numbers, GBK bytes. */
final class BankData {

	static final Charset GBK = Charset.forName("GBK");

	private static final AtomicLong REFERENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L * 1000);

	private static final AtomicLong ACCOUNT = new AtomicLong(System.nanoTime() % 1_000_000L);

	private BankData() {
	}

	static long reference() {
		return REFERENCE.incrementAndGet();
	}

	/** A payer account no other test uses. */
	static String payerAccount() {
		return "9558" + String.format("%012d", ACCOUNT.incrementAndGet());
	}

	/** A valid resident ID number born on the day (sequence 001). */
	static String idNumber(LocalDate born, int seq) {
		String first = "420102" + born.toString().replace("-", "") + String.format("%03d", seq);
		return first + IdNumber.checkChar(first);
	}

	static PaymentOrder order(String name, String account, String id, long fen) {
		return new PaymentOrder(reference(), name, account, PaymentIdType.RESIDENT_ID, id, fen, null, null);
	}

	static byte[] gbk(String text) {
		return text.getBytes(GBK);
	}

}
