package org.bangfu.programs.internal.bank;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.bangfu.shared.BangfuException;

/**
 * A bank answer as uploaded, streamed into a temporary file readable by its owner only (it holds
 * accounts) with its SHA-256; more than the limit or nothing at all is refused. The caller deletes it.
 */
public final class BankAnswerUpload {

	/** The temporary file and the SHA-256 of its bytes. */
	public record Upload(Path file, String sha256) {
	}

	private BankAnswerUpload() {
	}

	public static Upload store(InputStream in, long maxBytes) throws IOException {
		Path file = Files.createTempFile("bangfu-bank-answer-", ".tmp",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		boolean ok = false;
		try {
			MessageDigest sha = BankFileMaker.sha256();
			long size = 0;
			try (in; OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha)) {
				byte[] buffer = new byte[64 * 1024];
				for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
					size += n;
					if (size > maxBytes) {
						throw BangfuException.badField("file", "file.tooLarge", maxBytes / (1024 * 1024));
					}
					out.write(buffer, 0, n);
				}
			}
			if (size == 0) {
				throw BangfuException.badField("file", "bank.file.empty");
			}
			ok = true;
			return new Upload(file, HexFormat.of().formatHex(sha.digest()));
		}
		finally {
			if (!ok) {
				Files.deleteIfExists(file);
			}
		}
	}

}
