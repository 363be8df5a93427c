package org.bangfu.platform.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.bangfu.platform.files.FileStore.StoredFile;
import org.bangfu.shared.BangfuException;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The file store in database mode (bangfu.files.store=database): the bytes and their SHA-256 are
 * in platform_file, the directory is only a cache — a file missing from it comes back, checked,
 * for readers and for callers that need a path (imports, photos).
 */
@IntegrationTest
class FileStoreDatabaseIntegrationTests {

	@Autowired
	ObjectProvider<JdbcTemplate> jdbc;

	@TempDir
	Path dir;

	@Test
	void filesLiveInTheDatabaseAndTheDirectoryIsOnlyACache() throws Exception {
		FileStore store = new FileStore(dir, "database", jdbc);
		assertThat(store.inDatabase()).isTrue();
		byte[] content = "帮扶材料 %PDF".repeat(1000).getBytes(StandardCharsets.UTF_8);
		StoredFile stored = store.store("documents", new ByteArrayInputStream(content), 1_000_000);
		assertThat(stored.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
		JdbcTemplate db = jdbc.getObject();
		assertThat(db.queryForObject("SELECT sha256 FROM platform_file WHERE key = ?", String.class, stored.key()))
			.isEqualTo(stored.sha256());
		assertThat(db.queryForObject("SELECT content FROM platform_file WHERE key = ?", byte[].class, stored.key()))
			.isEqualTo(content);

		// The cache is emptied (another instance, a wiped disk): readers and path users get the file back.
		Files.delete(dir.resolve(stored.key()));
		assertThat(store.exists(stored.key())).isTrue();
		try (InputStream in = store.open(stored.key())) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
		Files.delete(dir.resolve(stored.key()));
		Path path = store.path(stored.key());
		assertThat(path).startsWith(dir);
		assertThat(Files.readAllBytes(path)).isEqualTo(content);
		assertThat(store.holds(path)).isTrue();

		// A changed row is caught by its checksum.
		db.update("UPDATE platform_file SET content = ? WHERE key = ?", "tampered".getBytes(StandardCharsets.UTF_8), stored.key());
		Files.delete(path);
		assertThatThrownBy(() -> store.open(stored.key())).isInstanceOf(IOException.class).hasMessageContaining("SHA-256");

		store.delete(stored.key());
		assertThat(store.exists(stored.key())).isFalse();
		assertThat(db.queryForObject("SELECT count(*) FROM platform_file WHERE key = ?", Long.class, stored.key())).isZero();
	}

	@Test
	void anOversizedUploadKeepsNothingAndJobOutputStaysInTheDirectory() throws Exception {
		FileStore store = new FileStore(dir, "database", jdbc);
		JdbcTemplate db = jdbc.getObject();
		long before = db.queryForObject("SELECT count(*) FROM platform_file", Long.class);
		assertThatThrownBy(() -> store.store("documents", new ByteArrayInputStream(new byte[2048]), 1024))
			.isInstanceOf(BangfuException.class);
		assertThat(db.queryForObject("SELECT count(*) FROM platform_file", Long.class)).isEqualTo(before);
		String report = store.create("import-reports", ".xlsx");
		Files.writeString(store.path(report), "report");
		assertThat(store.exists(report)).isTrue();
		assertThat(db.queryForObject("SELECT count(*) FROM platform_file WHERE key = ?", Long.class, report)).isZero();

		FileStore filesystem = new FileStore(dir, "filesystem", jdbc);
		assertThat(filesystem.inDatabase()).isFalse();
		StoredFile plain = filesystem.store("documents", new ByteArrayInputStream(new byte[] { 1, 2, 3 }), 1024);
		assertThat(db.queryForObject("SELECT count(*) FROM platform_file WHERE key = ?", Long.class, plain.key())).isZero();
		assertThat(Files.readAllBytes(filesystem.path(plain.key()))).containsExactly(1, 2, 3);
		assertThatThrownBy(() -> new FileStore(dir, "s3", jdbc)).isInstanceOf(IllegalArgumentException.class);
	}

}
