package org.bangfu.pairing.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.bangfu.pairing.PairingImportView;
import org.bangfu.pairing.PairingImports;
import org.bangfu.shared.Actor;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/pairings")
@Tag(name = "Pairing import", description = "Bulk pairing from an Excel/CSV file with a row-level error report")
class PairingImportRestController {

	private final PairingImports imports;

	PairingImportRestController(PairingImports imports) {
		this.imports = imports;
	}

	/** An import's counts, first problems (in the caller's language) and error report link. */
	record ImportResource(long id, long organisationId, String organisationName, String fileName, int rowsRead,
			int rowsPaired, int rowsRejected, List<ProblemResource> problems, String errorReport, Instant createdAt,
			String createdBy) {
	}

	/** A rejected row's problem: the spreadsheet row, the column as the file spells it (null: the row), the message. */
	record ProblemResource(long row, String column, String message) {
	}

	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(PairingRestController.PAIR)
	@Operation(summary = "Pair cadres with households from an .xlsx or .csv file (201: the import ran)",
			description = "Columns (Chinese headers or aliases, any order): 干部账号 (login of a user with the pairing cadre "
					+ "role) or 干部编号 (cadre id) or 干部姓名 [+ 干部电话] (cadre without login); 身份证号 (any current member) "
					+ "or 户编号; 开始日期, 计划结束日期, 帮扶类型 (一对一/一对多) optional. Each row is paired or rejected on "
					+ "its own, in file order; a row over a cadre's cap is rejected. Cadres and households outside the "
					+ "caller's organisations are not found. A problem with the whole file answers 400.")
	ResponseEntity<ImportResource> upload(@RequestPart("file") MultipartFile file) throws IOException {
		Actor actor = Actor.require();
		try (InputStream in = file.getInputStream()) {
			PairingImportView done = imports.importFile(actor, file.getOriginalFilename(), in,
					LocaleContextHolder.getLocale());
			return ResponseEntity.created(URI.create("/api/v1/pairings/imports/" + done.id())).body(resource(actor, done));
		}
	}

	@GetMapping("/imports/{id}")
	@PreAuthorize(PairingRestController.PAIR)
	@Operation(summary = "A pairing import's counts, first problems and error report link")
	ImportResource one(@PathVariable long id) {
		Actor actor = Actor.require();
		return resource(actor, imports.require(actor.scope(), id));
	}

	@GetMapping("/imports/{id}/report")
	@PreAuthorize(PairingRestController.PAIR)
	@Operation(summary = "The error report (.xlsx): the rejected rows with their original columns and an error column")
	ResponseEntity<InputStreamResource> report(@PathVariable long id) throws IOException {
		InputStream in = imports.report(Actor.require().scope(), id);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("pairing-import-" + id + "-errors.xlsx").build().toString())
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.body(new InputStreamResource(in));
	}

	private ImportResource resource(Actor actor, PairingImportView i) {
		Locale locale = LocaleContextHolder.getLocale();
		List<ProblemResource> problems = imports.problems(actor.scope(), i.id())
			.stream()
			.map(p -> new ProblemResource(p.row(), p.column(), imports.message(p, locale)))
			.toList();
		return new ImportResource(i.id(), i.organisationId(), i.organisationName(), i.fileName(), i.rowsRead(),
				i.rowsPaired(), i.rowsRejected(), problems,
				i.hasReport() ? "/api/v1/pairings/imports/" + i.id() + "/report" : null, i.createdAt(), i.createdBy());
	}

}
