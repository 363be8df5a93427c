package org.bangfu.programs.internal.bank;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;

import org.bangfu.programs.BankLayout;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Produces a batch's file from its stored lines (accounts and ID numbers decrypted on the way)
 * into a temporary file readable by its owner only, then reads the bytes back and checks that they
 * add up ({@link BankFileCheck}); a file that does not is deleted and refused. The caller streams
 * the file and deletes it: bank files with full accounts and ID numbers are never kept.
 */
@Component
public class BankFileMaker {

	/**
	 * A produced, checked file: where it lies (temporary), the SHA-256 of its content (lines and
	 * fields: the same for the same file made again, xlsx included), of its bytes, size and download name.
	 */
	public record Made(Path file, String sha256, String bytesSha256, long size, String fileName) {
	}

	private record Head(String kind, String payerName, String payerAccount, LocalDate fileDate, String batchNo,
			int lineCount, long totalFen) {
	}

	private final JdbcClient jdbc;

	private final BankBatchStore store;

	private final BankCipher cipher;

	BankFileMaker(JdbcClient jdbc, BankBatchStore store, BankCipher cipher) {
		this.jdbc = jdbc;
		this.store = store;
		this.cipher = cipher;
	}

	public Made make(long batchId) throws IOException {
		Head h = jdbc.sql("""
				SELECT kind, payer_name, payer_account, file_date, batch_no, line_count, total_fen
				FROM programs_bank_batch WHERE id = ?""")
			.param(batchId)
			.query((rs, n) -> new Head(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, LocalDate.class), rs.getString(5), rs.getInt(6), rs.getLong(7)))
			.single();
		BankLayout layout = store.layoutOf(batchId);
		boolean payment = "PAYMENT".equals(h.kind());
		Path file = Files.createTempFile("bangfu-bank-", layout.fileType().suffix(),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		boolean ok = false;
		try {
			MessageDigest sha = sha256();
			try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha)) {
				BankFileWriter.Header header = new BankFileWriter.Header(h.payerName(), h.payerAccount(), h.fileDate(),
						h.batchNo(), h.lineCount(), h.totalFen());
				BankFileWriter.write(layout, payment, header, sink -> store.stream(batchId, l -> sink.accept(
						new BankFileWriter.Line(l.seq(), l.payeeName(), cipher.decrypt(l.accountEnc()),
								layout.idTypeCode(l.idType()), cipher.decrypt(l.idEnc()), l.amountFen(), l.purpose(),
								l.remark()))), out);
			}
			BankFileCheck.Totals totals = BankFileCheck.check(layout, payment, file, h.lineCount(), h.totalFen());
			String name = (payment ? "" : "verify-") + h.batchNo() + layout.fileType().suffix();
			Made made = new Made(file, totals.contentSha256(), HexFormat.of().formatHex(sha.digest()), Files.size(file), name);
			ok = true;
			return made;
		}
		finally {
			if (!ok) {
				Files.deleteIfExists(file);
			}
		}
	}

	/** The bytes of a made file (small files, tests); the temporary file is deleted. */
	public static byte[] readAndDelete(Made made) throws IOException {
		try (InputStream in = Files.newInputStream(made.file())) {
			return in.readAllBytes();
		}
		finally {
			Files.deleteIfExists(made.file());
		}
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
