package org.bangfu.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.bangfu.identity.BangfuUser;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.pairing.AgreementView;
import org.bangfu.pairing.Assistance;
import org.bangfu.pairing.AssistanceCommands.AddAgreement;
import org.bangfu.pairing.AssistanceCommands.ClauseData;
import org.bangfu.platform.files.FileRetentionTask;
import org.bangfu.platform.files.FileStore;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Households;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Role;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import tools.jackson.databind.json.JsonMapper;

/**
 * A refused upload leaves no file behind, every upload kind has a size cap, and the retention
 * clean-up removes old import uploads and error reports while documents stay.
 */
@IntegrationTest
@Import(Fixtures.class)
class OrphanFilesIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Value("${bangfu.files.dir:./data/files}")
	Path dir;

	@Autowired
	Fixtures fixtures;

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	Assistance assistance;

	@Autowired
	FileStore files;

	@Autowired
	FileRetentionTask retention;

	OrganisationView org;

	String login;

	Actor admin;

	HouseholdView household;

	@BeforeEach
	void setUp() {
		org = fixtures.organisation("孤儿文件");
		login = fixtures.user(org.id(), Role.ADMIN, Role.CASEWORKER);
		admin = new BangfuUser(fixtures.userId(login), login, "测试用户" + login, org.id(), org.path(), org.name(),
				EnumSet.of(Role.ADMIN, Role.CASEWORKER), "", true, null);
		household = registry.file(admin.scope(), Households.headOnly(Households.idNumber(
				java.time.LocalDate.of(1966, 6, 6).plusDays(System.nanoTime() % 3000), true)));
	}

	@Test
	void aSecondSignedPageForASignedAgreementIsRefusedAndLeavesNoFile() throws IOException {
		AgreementView a = assistance.addAgreement(admin, new AddAgreement(household.id(), "帮扶协议", null, null,
				List.of(new ClauseData("修屋顶", "准备", null))));
		assistance.signByUpload(admin, a.id(), pdf());
		long before = count("agreements") + count("visits");
		Http api = Http.basic(port, login, Fixtures.PASSWORD);
		HttpResponse<String> second = multipart(api, "/api/v1/agreements/" + a.id() + "/signed-page", "page.pdf", pdf(), null);
		assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
		HttpResponse<String> image = multipart(api, "/api/v1/agreements/" + a.id() + "/signed-page", "page.png", png(), null);
		assertThat(image.statusCode()).as(image.body()).isEqualTo(409);
		assertThat(count("agreements") + count("visits")).isEqualTo(before);
	}

	@Test
	void signedPagesAndPhotosHaveASizeCap() {
		AgreementView a = assistance.addAgreement(admin, new AddAgreement(household.id(), "帮扶协议", null, null,
				List.of(new ClauseData("修屋顶", "准备", null))));
		byte[] big = new byte[20 * 1024 * 1024 + 1];
		System.arraycopy(pdf(), 0, big, 0, 5);
		assertThatThrownBy(() -> assistance.signByUpload(admin, a.id(), big))
			.isInstanceOfSatisfying(BangfuException.class, ex -> assertThat(ex.messageKey()).isEqualTo("file.tooLarge"));
	}

	@Test
	void aCaseDocumentWithATooLongTitleIsA400WithAMessageAndLeavesNoFile() throws IOException {
		Http api = Http.basic(port, login, Fixtures.PASSWORD);
		HttpResponse<String> opened = api.json("POST", "/api/v1/cases", """
				{"type": "NEW_FILING", "householdId": %d, "summary": "因病致困"}""".formatted(household.id()));
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
		long caseId = JSON.readTree(opened.body()).path("id").asLong();
		long before = count("case-documents");
		HttpResponse<String> res = multipart(api, "/api/v1/cases/" + caseId + "/documents", "a.pdf", pdf(), "说".repeat(201));
		assertThat(res.statusCode()).as(res.body()).isEqualTo(400);
		assertThat(res.body()).contains("材料说明最多 200 个字");
		assertThat(count("case-documents")).isEqualTo(before);
	}

	@Test
	void anOverlongFileNameIsA400WithAMessageNotA413() {
		AgreementView a = assistance.addAgreement(admin, new AddAgreement(household.id(), "帮扶协议", null, null,
				List.of(new ClauseData("修屋顶", "准备", null))));
		Http api = Http.basic(port, login, Fixtures.PASSWORD);
		HttpResponse<String> res = multipart(api, "/api/v1/agreements/" + a.id() + "/signed-page", "签".repeat(3000) + ".pdf",
				pdf(), null);
		assertThat(res.statusCode()).as(res.body()).isEqualTo(400);
		assertThat(res.body()).contains("文件名");
	}

	@Test
	void theRetentionCleanUpDeletesOldImportFilesAndReportsButKeepsDocuments() throws Exception {
		String oldReport = files.create("import-reports", ".xlsx");
		String oldUpload = files.create("pairing-imports", "");
		String newReport = files.create("import-reports", ".xlsx");
		String oldDocument = files.create("case-documents", ".pdf");
		FileTime longAgo = FileTime.from(Instant.now().minus(Duration.ofDays(31)));
		for (String key : List.of(oldReport, oldUpload, oldDocument)) {
			Files.setLastModifiedTime(files.path(key), longAgo);
		}
		assertThat(retention.purge()).isGreaterThanOrEqualTo(2);
		assertThat(files.exists(oldReport)).isFalse();
		assertThat(files.exists(oldUpload)).isFalse();
		assertThat(files.exists(newReport)).isTrue();
		assertThat(files.exists(oldDocument)).isTrue();
	}

	private long count(String area) throws IOException {
		Path root = dir.resolve(area);
		if (!Files.isDirectory(root)) {
			return 0;
		}
		try (Stream<Path> all = Files.walk(root)) {
			return all.filter(Files::isRegularFile).count();
		}
	}

	static HttpResponse<String> multipart(Http http, String path, String fileName, byte[] content, String title) {
		String boundary = "----bangfu" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		if (title != null) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nAPPLICATION\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n" + title + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return http.send(http.request(path)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	static byte[] pdf() {
		return "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
	}

	static byte[] png() {
		BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
