package org.bangfu.programs;

import java.nio.file.Path;

/**
 * A produced and checked bank file, in a temporary file the caller streams and then deletes
 * (open it with {@code StandardOpenOption.DELETE_ON_CLOSE}).
 */
public record BankFileDownload(String fileName, String contentType, Path file, long size, String sha256) {
}
